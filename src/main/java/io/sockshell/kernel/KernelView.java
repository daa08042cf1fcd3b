package io.sockshell.kernel;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SocketState;
import io.sockshell.engine.SocketTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

/**
 * A session's sockets as the kernel sees them. Each TCP socket of the session finds its row in
 * the kernel's tables by its addresses (a connection by its local and peer address, a listener
 * by its local address and LISTEN); a socket the session has closed is still found by the
 * addresses it had, since its connection goes on in the kernel (FIN_WAIT2, LAST_ACK,
 * TIME_WAIT). Around those rows are the others on the same connections: a listener's
 * connections not accepted yet, and the far end of each connection when no socket of the
 * session holds it.
 *
 * <p>What is shown is what the kernel settles in ({@link #settled()}): loopback moves a
 * connection on asynchronously (the ACK of a FIN may be delayed, a handshake finishes in a
 * softirq, a background job of the session may be about to read), so a snapshot is taken again
 * until nothing related is moving, with a bound. The rules are in {@link Snapshot#movement()}.
 */
public final class KernelView {
    /** How long a view waits at most for the kernel to settle. */
    static final long SETTLE_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * How long queues must stay unchanged before bytes that may be waiting for an ACK count as
     * stuck: longer than Linux's longest delayed ACK (TCP_DELACK_MAX, 200 ms).
     */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How many closed sockets' addresses are kept: TIME_WAIT lasts a minute, and a session may close many more. */
    private static final int CLOSED_KEPT = 10_000;

    private final SocketTable table;
    private final KernelFiles files;
    private final BooleanSupplier othersQuiet;
    private final Map<Sock, Closed> closed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Sock, Closed> eldest) {
            return size() > CLOSED_KEPT;
        }
    });
    /**
     * The addresses each connected socket of the session was last seen with: once the
     * connection is over (TIME_WAIT, or reset) the socket no longer names its peer, and its row
     * is found by these.
     */
    private final Map<Sock, Closed> connected = Collections.synchronizedMap(new WeakHashMap<>());
    private int somaxconn = -1;

    /** What the session's kernel-side columns say for one socket. */
    public record Columns(String state, String receiveQueue, String sendQueue) {
        static final Columns NONE = new Columns("-", "-", "-");
        static final Columns UNKNOWN = new Columns("?", "?", "?");
    }

    /** How one row is related to the session. */
    public enum Relation {
        /** The row of an open socket of the session. */
        OPEN,
        /** The row a socket the session closed left in the kernel. */
        CLOSED,
        /** A connection a listener of the session has not accepted yet. */
        NOT_ACCEPTED,
        /** The far end of a connection, held by no socket of the session. */
        PEER
    }

    /**
     * One kernel socket related to the session.
     *
     * @param label   what the session calls it: {@code c}, {@code (closed c)},
     *                {@code (not accepted yet, s)}, {@code (peer of c)}
     * @param sock    the session's socket, for OPEN and CLOSED; else null
     * @param row     its row; null for an open socket that has none (the kernel's CLOSE)
     * @param backlog a listener's backlog, -1 if not one or unknown
     */
    public record Entry(String label, Relation relation, Sock sock, SocketRow row, int backlog) {
        public String state() {
            TcpState state = row == null ? TcpState.CLOSE : row.tcpState();
            return state == null ? "?" : state.name();
        }

        /** SEND-Q as ss shows it: a listener's backlog ({@code ?} when unknown), else the bytes not acknowledged. */
        public String sendQueueShown() {
            if (row == null) {
                return "-";
            }
            return row.listening() ? (backlog < 0 ? "?" : Integer.toString(backlog)) : Long.toString(row.sendQueue());
        }

        /** The connection's addresses as the kernel writes them, to know it again after a socket takes it over. */
        String pair() {
            return row == null || row.listening() ? null : row.localKey() + '|' + row.remoteKey();
        }

        long receiveQueue() {
            return row == null ? 0 : row.receiveQueue();
        }

        long sendQueue() {
            return row == null ? 0 : row.sendQueue();
        }
    }

    /**
     * One change the kernel made, as {@code trace kernel} says it.
     *
     * @param sock the session's socket it is about (open or closed), or null for a row no socket
     *             of the session holds (a connection not accepted yet, the far end of one)
     */
    public record Change(Sock sock, String text) {
    }

    /** The addresses a socket had when it was closed (or last seen connected), and its name then. */
    private record Closed(String name, String localKey, String peerKey) {
    }

    /**
     * @param table       the session's sockets; the view watches it for closes
     * @param files       where the kernel's files are
     * @param othersQuiet whether the session's other threads (its background jobs) are done or
     *                    asleep in a wait: a job about to read would change what the kernel shows
     */
    public KernelView(SocketTable table, KernelFiles files, BooleanSupplier othersQuiet) {
        this.table = table;
        this.files = files;
        this.othersQuiet = othersQuiet;
        table.watchCloses(this::closing);
    }

    /** Why the kernel's tables cannot be read here, or empty when they can; reads them once. */
    public java.util.Optional<String> unavailable() {
        return NetTables.read(files, false).unavailable();
    }

    /** Keeps a closing connection's addresses (read untraced: a trace shows the user's calls only). */
    private void closing(Sock sock) {
        if (sock.kind() != Kind.SOCK_STREAM || !isInet(sock.family())) {
            return;
        }
        SockInfo info = sock.info();
        Closed seen = connected.remove(sock);
        if (info.local() != null && info.peer() != null) {
            closed.put(sock, new Closed(sock.label(), Endpoints.key(info.local()), Endpoints.key(info.peer())));
        } else if (seen != null) {
            closed.put(sock, seen);
        }
    }

    /** The session's sockets and the kernel rows around them now, as they are. */
    public Snapshot now() {
        return snapshot();
    }

    /**
     * The session's sockets and the kernel rows around them once nothing related is moving,
     * or as they are after {@link #SETTLE_BOUND_NANOS}.
     */
    public Snapshot settled() {
        long start = System.nanoTime();
        long pause = TimeUnit.MICROSECONDS.toNanos(50);
        String lastSignature = null;
        long stableSince = start;
        while (true) {
            boolean quiet = othersQuiet.getAsBoolean();
            Snapshot snapshot = snapshot();
            long now = System.nanoTime();
            Movement movement = snapshot.movement();
            if (quiet && movement == Movement.NONE || snapshot.unavailable() != null) {
                return snapshot;
            }
            // Only a snapshot that may still move is compared with the last: 10,000 rows make a long signature.
            String signature = snapshot.signature();
            if (!signature.equals(lastSignature)) {
                lastSignature = signature;
                stableSince = now;
            }
            boolean settled = quiet && movement == Movement.UNTIL_QUIET && now - stableSince >= QUIET_NANOS;
            if (settled || now - start >= SETTLE_BOUND_NANOS) {
                return snapshot;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Whether what the kernel shows may still change by itself. */
    enum Movement {
        NONE,
        /** Bytes or a FIN wait for an ACK, or for the peer to read: settled once nothing changes for a while. */
        UNTIL_QUIET,
        /** A handshake is under way or a connection's other end is not there yet. */
        MOVING
    }

    private Snapshot snapshot() {
        Map<String, Sock> named = table.sockets();
        Map<Sock, SockInfo> infos = new IdentityHashMap<>(named.size());
        boolean ipv6 = false;
        for (Sock sock : named.values()) {
            SockInfo info = sock.info();
            infos.put(sock, info);
            ipv6 |= info.family() == Family.AF_INET6;
        }
        if (!ipv6) {
            synchronized (closed) {
                ipv6 = closed.values().stream().anyMatch(left -> !Endpoints.isIpv4(left.localKey()));
            }
        }
        NetTables tables = ipv6 ? NetTables.read(files, false) : NetTables.readForIpv4(files);
        if (tables.unavailable().isPresent()) {
            return new Snapshot(tables.unavailable().get(), null, List.of(), infos, Map.of());
        }
        return new Builder(tables, named, infos).build();
    }

    private int somaxconn() {
        if (somaxconn < 0) {
            try {
                somaxconn = Integer.parseInt(Files.readString(files.root().resolve("sys/net/core/somaxconn"),
                        StandardCharsets.ISO_8859_1).strip());
            } catch (IOException | RuntimeException e) {
                somaxconn = Integer.MAX_VALUE;
            }
        }
        return somaxconn;
    }

    /** Puts one snapshot together: the session's sockets' rows first, then the rows around them. */
    private final class Builder {
        private final NetTables tables;
        private final Map<String, Sock> named;
        private final Map<Sock, SockInfo> infos;
        private final List<Entry> entries;
        private final Map<Sock, Columns> columns;
        private final Set<SocketRow> placed;
        /** Each session socket's row, found before any is placed, so that a peer is labelled by its own name. */
        private final Map<SocketRow, Sock> owners;
        private final Map<Sock, SocketRow> rowOf;
        private final Map<Sock, Integer> order;
        private final Set<Sock> done;

        /** Every map sized for the session's sockets at once, not grown step by step (10,000 sockets). */
        Builder(NetTables tables, Map<String, Sock> named, Map<Sock, SockInfo> infos) {
            this.tables = tables;
            this.named = named;
            this.infos = infos;
            int expected = named.size() + closed.size();
            entries = new ArrayList<>(expected * 2);
            columns = new IdentityHashMap<>(expected);
            placed = Collections.newSetFromMap(new IdentityHashMap<>(expected * 2));
            owners = new IdentityHashMap<>(expected);
            rowOf = new IdentityHashMap<>(expected);
            order = new IdentityHashMap<>(expected);
            done = Collections.newSetFromMap(new IdentityHashMap<>(expected));
        }

        Snapshot build() {
            List<Sock> socks = new ArrayList<>(named.values());
            List<Map.Entry<Sock, Closed>> gone;
            synchronized (closed) {
                gone = new ArrayList<>(closed.entrySet());
            }
            for (Map.Entry<Sock, Closed> left : gone) {
                if (!infos.containsKey(left.getKey())) {
                    socks.add(left.getKey());
                }
            }
            for (Sock sock : socks) {
                order.put(sock, order.size());
                SocketRow row = find(sock);
                if (row != null && !owners.containsKey(row)) {
                    owners.put(row, sock);
                    rowOf.put(sock, row);
                }
            }
            for (Sock sock : socks) {
                if (done.contains(sock)) {
                    continue;
                }
                SockInfo info = infos.get(sock);
                boolean open = info != null && info.state() != SocketState.CLOSED;
                if (info != null && (info.kind() != Kind.SOCK_STREAM || !isInet(info.family()))) {
                    columns.put(sock, Columns.NONE);
                    continue;
                }
                SocketRow row = rowOf.get(sock);
                if (!open && row == null) {
                    closed.remove(sock);
                    if (info != null) {
                        columns.put(sock, Columns.NONE);
                    }
                    continue;
                }
                Entry entry = placeSession(sock, row, open);
                if (info != null) {
                    columns.put(sock, columnsOf(entry));
                }
                if (row != null && row.listening()) {
                    placeChildren(sock, entry, row);
                } else if (row != null) {
                    placePeer(row, entry);
                }
            }
            return new Snapshot(null, tables, entries, infos, columns);
        }

        /** The row of a session socket: by its addresses now, or those it had when it closed. */
        private SocketRow find(Sock sock) {
            SockInfo info = infos.get(sock);
            if (info == null || info.state() == SocketState.CLOSED) {
                Closed left = closed.get(sock);
                return left == null ? null : tables.connection(left.localKey(), left.peerKey());
            }
            if (info.kind() != Kind.SOCK_STREAM || !isInet(info.family()) || info.local() == null) {
                return null;
            }
            String local = Endpoints.key(info.local());
            if (info.state() == SocketState.LISTENING) {
                return tables.listener(local);
            }
            if (info.peer() != null) {
                String peer = Endpoints.key(info.peer());
                connected.put(sock, new Closed(sock.label(), local, peer));
                return tables.connection(local, peer);
            }
            Closed seen = connected.get(sock);
            if (seen != null && seen.localKey().equals(local)) {
                return tables.connection(local, seen.peerKey());
            }
            if (info.state() == SocketState.CONNECTING) {
                // Linux gives no peer name before the handshake is over: the row with this local address.
                for (SocketRow row : tables.connectionsAtPort(info.local().port())) {
                    if (row.localKey().equals(local) && row.tcpState() == TcpState.SYN_SENT) {
                        return row;
                    }
                }
            }
            return null;
        }

        private Entry placeSession(Sock sock, SocketRow row, boolean open) {
            int backlog = -1;
            if (open && row != null && row.listening()) {
                int given = sock.listenBacklog();
                backlog = given < 0 ? -1 : Math.min(given, somaxconn());
            }
            String name = open ? sock.label() : closedName(sock);
            Entry entry = new Entry(open ? name : "(closed " + name + ")", open ? Relation.OPEN : Relation.CLOSED,
                    sock, row, backlog);
            if (row != null) {
                placed.add(row);
            }
            done.add(sock);
            entries.add(entry);
            return entry;
        }

        private String closedName(Sock sock) {
            Closed left = closed.get(sock);
            return left != null ? left.name() : sock.label();
        }

        /**
         * A listener's connections that no socket of the session holds: not accepted yet.
         * Each is followed by its client; they come in the order of their clients in the
         * session, then by port, so that the listing does not follow the kernel's hash order.
         */
        private void placeChildren(Sock listener, Entry entry, SocketRow listening) {
            String host = host(listening.localKey());
            boolean wildcard = host.chars().allMatch(c -> c == '0');
            List<SocketRow> children = new ArrayList<>();
            for (SocketRow row : tables.connectionsAtPort(listening.localPort())) {
                // A connection not accepted yet has no inode; one with an inode is another socket that
                // happens to have this port (the nio backend leaves a bound port free for a moment at listen).
                if (row.inode() == 0 && row.tcpState() != TcpState.TIME_WAIT && !placed.contains(row)
                        && !owners.containsKey(row) && (wildcard || host(row.localKey()).equals(host))) {
                    children.add(row);
                }
            }
            children.sort(Comparator.comparingInt((SocketRow row) -> {
                SocketRow client = tables.peerOf(row);
                Sock owner = client == null ? null : owners.get(client);
                return owner == null ? Integer.MAX_VALUE : order.get(owner);
            }).thenComparingInt(SocketRow::remotePort));
            for (SocketRow child : children) {
                Entry placedChild = new Entry("(not accepted yet, " + entry.label() + ")", Relation.NOT_ACCEPTED, null,
                        child, -1);
                placed.add(child);
                entries.add(placedChild);
                placePeer(child, new Entry("(client of " + entry.label() + ")", Relation.PEER, null, null, -1));
            }
        }

        /** The other end of {@code row}'s connection, right after it: a session socket under its name. */
        private void placePeer(SocketRow row, Entry near) {
            SocketRow peer = tables.peerOf(row);
            if (peer == null || placed.contains(peer)) {
                return;
            }
            Sock owner = owners.get(peer);
            if (owner != null) {
                SockInfo info = infos.get(owner);
                Entry entry = placeSession(owner, peer, info != null && info.state() != SocketState.CLOSED);
                if (info != null) {
                    columns.put(owner, columnsOf(entry));
                }
                return;
            }
            String label = near.relation() == Relation.PEER ? near.label()
                    : "(peer of " + (near.relation() == Relation.CLOSED ? "closed " + closedName(near.sock())
                    : near.label()) + ")";
            placed.add(peer);
            entries.add(new Entry(label, Relation.PEER, null, peer, -1));
        }

        private Columns columnsOf(Entry entry) {
            SocketRow row = entry.row();
            if (row == null) {
                return entry.relation() == Relation.OPEN ? new Columns(TcpState.CLOSE.name(), "-", "-") : Columns.NONE;
            }
            return new Columns(entry.state(), Long.toString(row.receiveQueue()), entry.sendQueueShown());
        }
    }

    /** The session's sockets and the rows around them at one moment. */
    public final class Snapshot {
        private final String unavailable;
        /** The tables read, indexed: a row's other end is looked up, not searched for (10,000 sockets). */
        private final NetTables tables;
        private final List<Entry> entries;
        private final Map<Sock, SockInfo> infos;
        private final Map<Sock, Columns> columns;
        /** The sockets that have an entry, gathered when first asked. */
        private Set<Sock> held;

        Snapshot(String unavailable, NetTables tables, List<Entry> entries, Map<Sock, SockInfo> infos,
                Map<Sock, Columns> columns) {
            this.unavailable = unavailable;
            this.tables = tables;
            this.entries = entries;
            this.infos = infos;
            this.columns = columns;
        }

        /** Why the kernel's tables could not be read, or null. */
        public String unavailable() {
            return unavailable;
        }

        /** Every kernel socket related to the session, each connection's ends together, in the session's order. */
        public List<Entry> entries() {
            return entries;
        }

        /** A session socket's state as the snapshot read it (read once for both views). */
        public SockInfo info(Sock sock) {
            SockInfo info = infos.get(sock);
            return info != null ? info : sock.info();
        }

        /** KSTATE, RECV-Q and SEND-Q for a socket of the session: {@code ?} where the kernel cannot tell. */
        public Columns columns(Sock sock) {
            if (unavailable != null) {
                SockInfo info = info(sock);
                return info.kind() == Kind.SOCK_STREAM && isInet(info.family()) ? Columns.UNKNOWN : Columns.NONE;
            }
            Columns found = columns.get(sock);
            return found != null ? found : Columns.NONE;
        }

        /**
         * What may still change without the session doing anything, by these rules on every
         * related row:
         * <ul>
         * <li>SYN_RECV, and SYN_SENT unless it waits for room in the accept queue of a listener
         * of the session that is full (its SYN is dropped until an accept makes room): a
         * handshake under way;</li>
         * <li>ESTABLISHED, CLOSE_WAIT, FIN_WAIT1 or FIN_WAIT2 to a loopback address whose other
         * end has no row: that end is being set up or torn down;</li>
         * <li>bytes or a FIN not yet acknowledged (SEND-Q above 0): settled once nothing has
         * changed for longer than a delayed ACK takes. Bytes that wait for the peer to read
         * count too while the retransmission timer runs (part of them are in flight,
         * acknowledged a delayed ACK later); once the kernel probes a closed window instead,
         * nothing moves until the peer reads.</li>
         * </ul>
         */
        Movement movement() {
            Movement movement = Movement.NONE;
            for (Entry entry : entries) {
                SocketRow row = entry.row();
                if (row == null) {
                    continue;
                }
                TcpState state = row.tcpState();
                if (state == TcpState.SYN_RECV || state == TcpState.SYN_SENT && !waitsForAcceptQueue(row)) {
                    return Movement.MOVING;
                }
                boolean connected = state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT
                        || state == TcpState.FIN_WAIT1 || state == TcpState.FIN_WAIT2;
                if (connected && Endpoints.isLoopback(row.remoteKey()) && !hasPeer(row)) {
                    return Movement.MOVING;
                }
                if (state != TcpState.SYN_SENT && !row.listening() && row.sendQueue() > 0
                        && row.timer() != SocketRow.ZERO_WINDOW_PROBE) {
                    movement = Movement.UNTIL_QUIET;
                }
            }
            return movement;
        }

        private boolean hasPeer(SocketRow row) {
            return tables.peerOf(row) != null;
        }

        private boolean waitsForAcceptQueue(SocketRow connecting) {
            for (Entry entry : entries) {
                SocketRow row = entry.row();
                if (entry.relation() == Relation.OPEN && row != null && row.listening()
                        && row.localPort() == connecting.remotePort() && entry.backlog() >= 0) {
                    return row.receiveQueue() > entry.backlog();
                }
            }
            return false;
        }

        /** What would show any change: each entry's label, state and queues. */
        String signature() {
            StringBuilder text = new StringBuilder();
            for (Entry entry : entries) {
                text.append(entry.label()).append(' ').append(entry.state()).append(' ').append(entry.receiveQueue())
                        .append(' ').append(entry.sendQueue()).append('\n');
            }
            return text.toString();
        }

        /**
         * What changed in the kernel from {@code before} to this snapshot, one line each:
         * {@code c SYN_SENT -> ESTABLISHED}, {@code conn RECV-Q 5}, {@code s accept queue 1/1},
         * {@code (closed c) TIME_WAIT -> CLOSE}. A connection keeps its identity when a socket
         * takes it over (accept), so nothing is said then but the accept queue's length. Rows
         * that newly appear for no socket of the session are the other side of a change that is
         * said.
         */
        public List<Change> changesSince(Snapshot before) {
            List<Change> lines = new ArrayList<>();
            if (before == null || unavailable != null || before.unavailable != null) {
                return lines;
            }
            Map<Sock, Entry> beforeBySock = new IdentityHashMap<>();
            Map<String, Entry> beforeByPair = new LinkedHashMap<>();
            for (Entry entry : before.entries) {
                if (entry.sock() != null) {
                    beforeBySock.put(entry.sock(), entry);
                }
                if (entry.pair() != null) {
                    beforeByPair.putIfAbsent(entry.pair(), entry);
                }
            }
            Set<Entry> matched = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Entry entry : entries) {
                Entry old = entry.sock() != null ? beforeBySock.get(entry.sock()) : null;
                if (old == null && entry.pair() != null) {
                    old = beforeByPair.get(entry.pair());
                }
                if (old == null) {
                    continue;
                }
                matched.add(old);
                describe(old, entry, lines);
            }
            for (Entry old : before.entries) {
                if (!matched.contains(old) && old.row() != null && !(old.sock() != null && stillHeld(old.sock()))) {
                    lines.add(new Change(old.sock(), old.label() + " " + old.state() + " -> " + TcpState.CLOSE.name()));
                }
            }
            return lines;
        }

        /** Whether {@code sock} is still an entry here (then its change was said under it). */
        private boolean stillHeld(Sock sock) {
            if (held == null) {
                held = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Entry entry : entries) {
                    if (entry.sock() != null) {
                        held.add(entry.sock());
                    }
                }
            }
            return held.contains(sock);
        }

        private void describe(Entry old, Entry now, List<Change> changes) {
            String label = now.label();
            List<String> lines = new ArrayList<>();
            if (!old.state().equals(now.state())) {
                lines.add(label + " " + old.state() + " -> " + now.state());
            }
            SocketRow row = now.row();
            if (row != null && row.listening()) {
                boolean wasListening = old.row() != null && old.row().listening();
                if (wasListening && old.receiveQueue() != now.receiveQueue()) {
                    lines.add(label + " accept queue " + now.receiveQueue() + "/"
                            + (now.backlog() < 0 ? "?" : Integer.toString(now.backlog())));
                }
            } else {
                if (old.receiveQueue() != now.receiveQueue() && !(old.row() != null && old.row().listening())) {
                    lines.add(label + " RECV-Q " + now.receiveQueue());
                }
                if (old.sendQueue() != now.sendQueue() && !(old.row() != null && old.row().listening())) {
                    lines.add(label + " SEND-Q " + now.sendQueue());
                }
            }
            for (String line : lines) {
                changes.add(new Change(now.sock(), line));
            }
        }
    }

    private static boolean isInet(Family family) {
        return family == Family.AF_INET || family == Family.AF_INET6;
    }

    /** The address part of a key. */
    private static String host(String key) {
        return key.substring(0, key.indexOf(':'));
    }
}
