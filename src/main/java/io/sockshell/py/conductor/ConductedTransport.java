package io.sockshell.py.conductor;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import io.sockshell.link.Link;
import io.sockshell.py.runtime.Program;
import io.sockshell.py.runtime.Transport;
import io.sockshell.py.spi.SockCall;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Calls between replayed programs, decided by the {@link Conductor}'s ledger. A call that the
 * ledger says would wait gives up the turn until it can go on; then it waits for real, with the
 * turn held and a bound, for what the ledger says is already on its way. A blocking
 * {@code recv} returns everything the peer has sent and the program not yet read (up to
 * {@code bufsize}): one of the answers TCP may give, and always the same one. A blocking
 * {@code send} sends everything, as Linux does for a blocking socket. A connection to a link
 * (see {@link Link#targetBehind}) whose target a replayed program listens on is counted as one
 * to that program, and each {@code recv} on it gets one read, the piece the link delivered.
 * Connections to programs outside the replay go straight to the engine, without the turn. The program's sockets are
 * {@link ConductedSock}s, which bring their calls here.
 */
final class ConductedTransport implements Transport {
    private static final Readiness<Sock> NONE_READY = Readiness.none();

    private final Conductor.Side side;
    private final Conductor conductor;
    private final Program program;
    private final SocketBackend backend;
    /** The program's sockets not yet closed, in the order they were opened. */
    private final List<ConductedSock> open = new ArrayList<>();

    ConductedTransport(Conductor.Side side, Program program, SocketBackend backend) {
        this.side = side;
        this.conductor = side.conductor();
        this.program = program;
        this.backend = backend;
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        return adopt(backend.open(family, kind));
    }

    private ConductedSock adopt(Sock engine) {
        ConductedSock socket = new ConductedSock(engine, this);
        synchronized (open) {
            open.add(socket);
        }
        return socket;
    }

    List<ConductedSock> openSockets() {
        synchronized (open) {
            return List.copyOf(open);
        }
    }

    void listen(ConductedSock socket, int backlog) throws SockError {
        socket.engine().listen(backlog);
        Endpoint server = named(socket.engine().getsockname());
        socket.listeningOn(server);
        conductor.record(ledger -> ledger.listening(server));
    }

    Accepted accept(ConductedSock socket) throws SockError {
        Sock engine = socket.engine();
        Endpoint server = socket.listening();
        if (server == null) {
            Accepted accepted = engine.accept();
            return new Accepted(adopt(accepted.socket()), accepted.peer());
        }
        if (nonblocking(engine)) {
            if (!conductor.check(ledger -> ledger.hasUnaccepted(server))) {
                Accepted accepted = pollOnce(engine::accept);
                return counted(server, accepted, client(accepted));
            }
        } else {
            side.await(Conductor.Wait.ACCEPT, "accept()", "no client has connected yet",
                    ledger -> ledger.hasUnaccepted(server), timed(engine));
        }
        arrive(List.of(engine), List.of());
        Accepted accepted = engine.accept();
        Endpoint peer = client(accepted);
        Endpoint client = conductor.recorded(ledger -> ledger.accepted(server, peer));
        return counted(server, accepted, client);
    }

    /**
     * The end a TCP connection was accepted from: the client's port, or that of the client
     * behind a link. Null for AF_UNIX, where the peer of a client bound to no path has no name;
     * the ledger knows it from the order of the connects.
     */
    private static Endpoint client(Accepted accepted) {
        if (accepted.peer().family() == Family.AF_UNIX) {
            return null;
        }
        int peer = accepted.peer().port();
        return new Endpoint.Port(Link.clientBehind(peer).orElse(peer));
    }

    /** A connection a listening socket accepted, conducted too: counted when its client is a replayed program. */
    private Accepted counted(Endpoint server, Accepted accepted, Endpoint client) {
        ConductedSock conn = adopt(accepted.socket());
        if (client != null) {
            Ledger.Flow out = new Ledger.Flow(server, client);
            if (conductor.check(ledger -> ledger.knows(out))) {
                conn.sendsIn(out);
            }
        }
        return new Accepted(conn, accepted.peer());
    }

    void connect(ConductedSock socket, String host, int port) throws SockError {
        Sock engine = socket.engine();
        engine.connect(host, port);
        Address local = engine.getsockname();
        Endpoint client = local.family() == Family.AF_UNIX && local.host().isEmpty()
                ? conductor.recorded(Ledger::unnamed)
                : named(local);
        Address peer = engine.getpeername();
        OptionalInt behindLink = peer.family() == Family.AF_UNIX ? OptionalInt.empty() : Link.targetBehind(peer.port());
        Endpoint server = behindLink.isPresent() ? new Endpoint.Port(behindLink.getAsInt()) : named(peer);
        if (conductor.check(ledger -> ledger.connected(client, server, behindLink.isPresent()))) {
            socket.sendsIn(new Ledger.Flow(client, server));
        }
    }

    /** The end at a socket's own address: its port, or its AF_UNIX path. */
    private static Endpoint named(Address address) {
        return address.family() == Family.AF_UNIX ? new Endpoint.Path(address.host()) : new Endpoint.Port(address.port());
    }

    int send(ConductedSock socket, PyBytes data) throws SockError {
        Ledger.Flow out = socket.outbound();
        if (out == null) {
            return side.outside("send()", () -> socket.engine().send(data));
        }
        if (nonblocking(socket.engine())) {
            int sent = pollOnce(() -> socket.engine().send(data));
            conductor.record(ledger -> ledger.sent(out, sent));
            return sent;
        }
        sendEverything(socket, data, out);
        return data.length();
    }

    void sendall(ConductedSock socket, PyBytes data) throws SockError {
        Ledger.Flow out = socket.outbound();
        if (out == null) {
            side.outside("sendall()", () -> {
                socket.engine().sendall(data);
                return null;
            });
            return;
        }
        if (nonblocking(socket.engine())) {
            int total = 0;
            while (total < data.length()) {
                PyBytes rest = data.slice(total, data.length());
                int sent = pollOnce(() -> socket.engine().send(rest));
                conductor.record(ledger -> ledger.sent(out, sent));
                total += sent;
            }
            return;
        }
        sendEverything(socket, data, out);
    }

    /** Sends all of {@code data}, giving up the turn whenever the buffer is full. */
    private void sendEverything(ConductedSock socket, PyBytes data, Ledger.Flow out) throws SockError {
        Sock engine = socket.engine();
        int total = 0;
        while (total < data.length()) {
            if (!writableNow(engine)) {
                side.sendBlocked();
                arrive(List.of(), List.of(engine));
            }
            int sent = engine.send(data.slice(total, data.length()));
            conductor.record(ledger -> ledger.sent(out, sent));
            total += sent;
        }
    }

    PyBytes recv(ConductedSock socket, int bufsize) throws SockError {
        Sock engine = socket.engine();
        Ledger.Flow in = socket.inbound();
        if (bufsize <= 0) {
            return engine.recv(bufsize);
        }
        if (in == null) {
            return side.outside("recv()", () -> engine.recv(bufsize));
        }
        if (nonblocking(engine)) {
            if (!conductor.check(ledger -> ledger.readable(in))) {
                return pollOnce(() -> engine.recv(bufsize));
            }
        } else {
            side.await(Conductor.Wait.RECV, "recv()", "nothing has arrived yet",
                    ledger -> ledger.readable(in), timed(engine));
        }
        long unread = conductor.count(ledger -> ledger.unread(in));
        if (unread == 0) {
            arrive(List.of(engine), List.of());
            return engine.recv(bufsize);
        }
        if (conductor.check(ledger -> ledger.relayed(in))) {
            return relayedRecv(engine, in, bufsize);
        }
        int wanted = (int) Math.min(bufsize, unread);
        PyBytes data = PyBytes.EMPTY;
        while (data.length() < wanted) {
            arrive(List.of(engine), List.of());
            PyBytes chunk = engine.recv(wanted - data.length());
            if (chunk.isEmpty()) {
                break;
            }
            data = data.concat(chunk);
        }
        int got = data.length();
        conductor.record(ledger -> ledger.read(in, got));
        return data;
    }

    /**
     * One read of what a link has delivered so far. The link hands over one piece at a time, the
     * next only once the reader has taken the one before, so this read gets exactly one piece;
     * gathering all the ledger counts as sent would undo what the link is for.
     */
    private PyBytes relayedRecv(Sock engine, Ledger.Flow in, int bufsize) throws SockError {
        arrive(List.of(engine), List.of());
        PyBytes data = engine.recv(bufsize);
        int got = data.length();
        conductor.record(ledger -> ledger.read(in, got));
        return data;
    }

    void shutdown(ConductedSock socket, ShutdownHow how) throws SockError {
        socket.engine().shutdown(how);
        Ledger.Flow out = socket.outbound();
        if (how.writes() && out != null) {
            conductor.record(ledger -> ledger.finished(out));
        }
    }

    void close(ConductedSock socket) {
        socket.engine().close();
        synchronized (open) {
            open.remove(socket);
        }
        Ledger.Flow out = socket.outbound();
        Endpoint listening = socket.listening();
        conductor.record(ledger -> {
            if (out != null) {
                ledger.finished(out);
            }
            if (listening != null) {
                ledger.stoppedListening(listening);
            }
        });
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeout)
            throws SockError {
        List<ConductedSock> reading = conducted(read);
        List<ConductedSock> writing = conducted(write);
        for (ConductedSock socket : reading) {
            socket.checkSelectable();
        }
        Readiness<Sock> ready = readyNow(reading, writing);
        if (ready.readable().isEmpty() && ready.writable().isEmpty()) {
            if (timeout != null && timeout == 0.0) {
                side.pollingFoundNothing();
                return NONE_READY;
            }
            try {
                side.await(Conductor.Wait.SELECT, "select()", "none of its sockets is ready",
                        ledger -> anyReadable(reading, ledger), timeout != null);
            } catch (SockError e) {
                if (e.pythonClass().equals("TimeoutError")) {
                    return NONE_READY;
                }
                throw e;
            }
            ready = readyNow(reading, writing);
        }
        List<Sock> readable = new ArrayList<>();
        for (Sock socket : ready.readable()) {
            readable.add(((ConductedSock) socket).engine());
        }
        arrive(readable, List.of());
        return ready;
    }

    private Readiness<Sock> readyNow(List<ConductedSock> read, List<ConductedSock> write) throws SockError {
        List<Sock> readable = new ArrayList<>();
        for (ConductedSock socket : read) {
            if (conductor.check(socket::readableIn) && !readable.contains(socket)) {
                readable.add(socket);
            }
        }
        List<Sock> writable = List.of();
        if (!write.isEmpty()) {
            Map<Sock, Sock> conductedByEngine = new IdentityHashMap<>();
            List<Sock> engines = new ArrayList<>(write.size());
            for (ConductedSock socket : write) {
                engines.add(socket.engine());
                conductedByEngine.put(socket.engine(), socket);
            }
            Readiness<Sock> now = backend.select(List.of(), engines, List.of(), 0.0);
            writable = now.writable().stream().map(conductedByEngine::get).toList();
        }
        return new Readiness<>(readable, writable, List.of());
    }

    static boolean anyReadable(List<ConductedSock> sockets, Ledger ledger) {
        for (ConductedSock socket : sockets) {
            if (socket.readableIn(ledger)) {
                return true;
            }
        }
        return false;
    }

    /** The program's own sockets: the facade only has those to give. */
    private static List<ConductedSock> conducted(List<Sock> sockets) {
        List<ConductedSock> conducted = new ArrayList<>(sockets.size());
        for (Sock socket : sockets) {
            if (!(socket instanceof ConductedSock own)) {
                throw new IllegalArgumentException("a socket that no replayed program opened: " + socket);
            }
            conducted.add(own);
        }
        return conducted;
    }

    @Override
    public String keyboardTurn() throws SockError {
        String scripted = program.call("input()", side::keyboard);
        if (scripted == null && !program.keyboard().echoes()) {
            program.note("input() reads a line from your keyboard: type it and press Enter");
        }
        return scripted;
    }

    /**
     * One try of a nonblocking call. When it would block, the others get their turn before
     * the program sees the {@code BlockingIOError} and, most likely, tries again.
     */
    private <T> T pollOnce(SockCall<T> call) throws SockError {
        try {
            return call.run();
        } catch (SockError e) {
            if (e.isWouldBlock()) {
                side.pollingFoundNothing();
            }
            throw e;
        }
    }

    private boolean writableNow(Sock engine) throws SockError {
        return !backend.select(List.of(), List.of(engine), List.of(), 0.0).writable().isEmpty();
    }

    /**
     * Waits, with the turn held, until the kernel shows what the ledger says is on its way.
     * Fails after the conductor's delivery bound rather than hang.
     */
    private void arrive(List<Sock> toRead, List<Sock> toWrite) throws SockError {
        List<Sock> reading = new ArrayList<>(toRead);
        List<Sock> writing = new ArrayList<>(toWrite);
        long deadline = System.nanoTime() + (long) (conductor.deliverySeconds() * 1e9);
        while (!reading.isEmpty() || !writing.isEmpty()) {
            double left = (deadline - System.nanoTime()) / 1e9;
            if (left <= 0) {
                throw SockError.plain("RuntimeError", "the replay counted data or a connection on its way"
                        + " that did not arrive within " + conductor.deliverySeconds() + " s");
            }
            Readiness<Sock> ready = backend.select(reading, writing, List.of(), left);
            reading.removeAll(ready.readable());
            writing.removeAll(ready.writable());
        }
    }

    private static boolean nonblocking(Sock engine) {
        Double timeout = engine.gettimeout();
        return timeout != null && timeout == 0.0;
    }

    private static boolean timed(Sock engine) {
        Double timeout = engine.gettimeout();
        return timeout != null && timeout > 0.0;
    }
}
