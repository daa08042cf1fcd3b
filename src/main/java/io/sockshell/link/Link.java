package io.sockshell.link;

import io.sockshell.engine.Holding;
import io.sockshell.engine.ProcessStarts;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A relay listening on {@code 127.0.0.1} (a port the system picks) that passes every connection
 * made to it on to a target on this machine, applying its {@link LinkOptions}. One thread
 * accepts; each connection has two (see {@link Relayed}), all daemons with small stacks, so a
 * thousand connections at once are two thousand threads that end with them.
 */
public final class Link implements Holding {
    /** A stack is enough for a pump's few frames; a thousand connections should not reserve gigabytes. */
    private static final long STACK_BYTES = 256 * 1024;
    /** How long closing waits for its threads to end after their sockets are closed. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Every link of this process that is open, whichever session started it: see {@link #targetBehind}. */
    private static final List<Link> OPEN = new CopyOnWriteArrayList<>();

    static {
        // A process that ends by a signal (SIGTERM, SIGHUP, Ctrl-C) closes its links too, so
        // both ends of every connection they relay see b'' rather than whatever the kernel's
        // closing of the sockets at exit says.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Link::close), "link-close-at-exit"));
    }

    private final String name;
    private final InetSocketAddress target;
    private final LinkOptions options;
    private final Readers readers;
    private final BooleanSupplier tracing;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final List<Relayed> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    private Link(String name, InetSocketAddress target, LinkOptions options, Readers readers, BooleanSupplier tracing,
            ServerSocketChannel server) throws IOException {
        this.name = name;
        this.target = target;
        this.options = options;
        this.readers = readers;
        this.tracing = tracing;
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
    }

    /**
     * Starts a link named {@code name} relaying to {@code target} (see {@link #target(String, int)});
     * {@code readers} finds the shell's own sockets among the ends; while {@code tracing} says so,
     * the link keeps each piece it writes until {@link #traced()} has told it delivered.
     */
    public static Link open(String name, InetSocketAddress target, LinkOptions options, Readers readers,
            BooleanSupplier tracing) throws IOException {
        // IPv4 sockets, not Java's dual-stack ones: the kernel lists them in /proc/net/tcp beside
        // an IPv4 reader's, so one read of one table finds both ends (see TcpQueues.look).
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 4096);
        } catch (IOException failed) {
            ProcessStarts.close(server);
            throw failed;
        }
        Link link = new Link(name, target, options, readers, tracing, server);
        OPEN.add(link);
        Thread acceptor = thread(name + "-accept", link::acceptAll);
        link.threads.add(acceptor);
        acceptor.start();
        return link;
    }

    /**
     * Where a link may relay to: a host on this machine only ({@code localhost}, 127.0.0.0/8 or
     * ::1, written as an address so that no name is looked up elsewhere), as the project never
     * sends traffic anywhere else. Anything else is an IllegalArgumentException saying so.
     */
    public static InetSocketAddress target(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress resolved = null;
        try {
            if (bare.equals("localhost")) {
                resolved = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            } else if (IPV4_LITERAL.matcher(bare).matches() || bare.contains(":")) {
                resolved = InetAddress.getByName(bare);
            }
        } catch (UnknownHostException notAnAddress) {
            // Said below.
        }
        if (resolved == null || !resolved.isLoopbackAddress()) {
            throw new IllegalArgumentException("a link relays on this machine only (localhost, 127.0.0.0/8 or ::1), not to "
                    + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
        return new InetSocketAddress(resolved, port);
    }

    /**
     * The port of the target behind an open link of this process listening on {@code port}, if
     * there is one. A replay's client may connect to a link: the replay then counts its bytes as
     * going to the target, which a program of the replay may be listening on. Loopback only, so a
     * port names a place.
     */
    public static OptionalInt targetBehind(int port) {
        for (Link link : OPEN) {
            if (link.address.getPort() == port) {
                return OptionalInt.of(link.target.getPort());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * For the connection an open link made to its target from {@code port}, the port of the
     * client it relays for: what a replayed server's accept sees as its peer is the link, and
     * the client behind it is the one the replay has counted.
     */
    public static OptionalInt clientBehind(int port) {
        for (Link link : OPEN) {
            for (Relayed connection : link.connections) {
                if (connection.targetSidePort() == port) {
                    return OptionalInt.of(connection.clientPort());
                }
            }
        }
        return OptionalInt.empty();
    }

    private void acceptAll() {
        int index = 0;
        while (open) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Relayed connection = new Relayed(this, index++, accepted);
                Thread relaying = thread(name + "-" + index, connection::run);
                connections.add(connection);
                threads.add(relaying);
                if (!open) {
                    connection.close();
                }
                relaying.start();
            } catch (IOException goneAlready) {
                closeQuietly(accepted);
            }
        }
    }

    static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(null, body, "link-" + name, STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    }

    String name() {
        return name;
    }

    InetSocketAddress target() {
        return target;
    }

    Readers readers() {
        return readers;
    }

    /** The connection relayed {@code index}-th, from 0. */
    Relayed connection(int index) {
        return connections.get(index);
    }

    boolean tracing() {
        return tracing.getAsBoolean();
    }

    public LinkOptions options() {
        return options;
    }

    /** Where it listens: {@code 127.0.0.1} and the port the system gave it. */
    public InetSocketAddress address() {
        return address;
    }

    /** The connections relayed so far, ended ones too, as many as their rows in {@link #rows}. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public String kind() {
        return "link";
    }

    @Override
    public List<String> columns() {
        return List.of("LINK", "ADDRESS", "TARGET", "STATE", "UP", "DOWN", "OPTIONS");
    }

    @Override
    public List<List<String>> rows(String shownAs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(shownAs, hostPort(address), hostPort(target), open ? "listening" : "closed", "", "",
                options.describe()));
        for (Relayed connection : connections) {
            rows.add(connection.row());
        }
        return rows;
    }

    /** The pieces delivered since the last call, connection by connection, each direction in the order delivered. */
    @Override
    public List<String> traced() {
        List<String> lines = new ArrayList<>();
        for (Relayed connection : connections) {
            lines.addAll(connection.delivered());
        }
        return lines;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String leftover() {
        return "still listening";
    }

    @Override
    public OptionalInt port() {
        return OptionalInt.of(address.getPort());
    }

    /** Stops listening and closes every connection (their ends see b''), then waits for its threads. */
    @Override
    public List<String> close() {
        if (!open) {
            return List.of();
        }
        open = false;
        OPEN.remove(this);
        closeQuietly(server);
        for (Relayed connection : connections) {
            connection.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            ProcessStarts.close(closeable);
        } catch (IOException ignored) {
            // Closing what is already broken has nothing left to release.
        }
    }
}
