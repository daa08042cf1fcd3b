package io.sockshell.py;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;

/**
 * Python's {@code socket.socket}, over the engine the shell uses. Method names and results are
 * Python's: {@code recv} returns bytes that print as {@code b'...'}, {@code accept} returns the
 * pair {@code (conn, address)}, failures raise {@link PyException}s whose message is CPython's
 * last traceback line. Closing is also {@link AutoCloseable#close()}, Python's {@code with}.
 */
public final class PySocket implements AutoCloseable {
    private final Program program;
    private final Sock engine;
    private final Transport transport;
    private volatile int listeningPort = -1;
    private volatile Ledger.Flow outbound;

    PySocket(Program program, Sock engine, Transport transport) {
        this.program = program;
        this.engine = engine;
        this.transport = transport;
        program.opened(this);
    }

    Sock engine() {
        return engine;
    }

    Transport transport() {
        return transport;
    }

    public Family family() {
        return engine.family();
    }

    public Kind type() {
        return engine.kind();
    }

    public void bind(Address address) {
        program.call("bind()", () -> {
            engine.bind(address.host(), address.port());
            return null;
        });
    }

    /** Python 3.5+'s default backlog when none is given. */
    public void listen() {
        listen(128);
    }

    public void listen(int backlog) {
        program.call("listen()", () -> {
            transport.listen(this, backlog);
            program.seenPort(engine.getsockname().port(), true);
            return null;
        });
    }

    /** Waits for a client; returns the connected socket and the client's address. */
    public Accepted accept() {
        return program.call("accept()", () -> {
            io.sockshell.engine.Accepted accepted = transport.accept(this);
            PySocket conn = new PySocket(program, accepted.socket(), transport);
            int local = accepted.socket().getsockname().port();
            int peer = accepted.peer().port();
            if (listeningPort >= 0) {
                conn.connectedBetweenIfKnown(local, peer);
            }
            program.seenPort(peer, false);
            return new Accepted(conn, accepted.peer());
        });
    }

    public void connect(Address address) {
        program.call("connect()", () -> {
            transport.connect(this, address);
            program.seenPort(engine.getsockname().port(), false);
            program.seenPort(engine.getpeername().port(), true);
            return null;
        });
    }

    /** Like {@link #connect} but returns the errno, 0 on success, instead of raising it. */
    public int connect_ex(Address address) {
        try {
            connect(address);
            return 0;
        } catch (OSError e) {
            if (e.errno() == 0) {
                throw e;
            }
            return e.errno();
        }
    }

    /** Sends what the system takes; returns how many bytes that was, maybe fewer than given. */
    public int send(PyBytes data) {
        return program.call("send()", () -> transport.send(this, data));
    }

    /** Sends every byte, waiting as often as it takes; meant for blocking sockets. */
    public void sendall(PyBytes data) {
        program.call("sendall()", () -> {
            transport.sendall(this, data);
            return null;
        });
    }

    /** Up to {@code bufsize} bytes; {@code b''} once the peer has closed its side. */
    public PyBytes recv(int bufsize) {
        return program.call("recv()", () -> transport.recv(this, bufsize));
    }

    /** False makes every call raise {@code BlockingIOError} instead of waiting. */
    public void setblocking(boolean flag) {
        program.call("setblocking()", () -> {
            engine.setblocking(flag);
            return null;
        });
    }

    /** Seconds each call may wait before {@code TimeoutError}; null waits for ever, 0.0 never waits. */
    public void settimeout(Double seconds) {
        program.call("settimeout()", () -> {
            engine.settimeout(seconds);
            return null;
        });
    }

    public Double gettimeout() {
        return engine.gettimeout();
    }

    public void shutdown(ShutdownHow how) {
        program.call("shutdown()", () -> {
            transport.shutdown(this, how);
            return null;
        });
    }

    /** Closes the socket; closing twice is harmless, as in Python. */
    @Override
    public void close() {
        if (!engine.isClosed()) {
            transport.close(this);
            program.closed(this);
        }
    }

    public boolean isClosed() {
        return engine.isClosed();
    }

    public Address getsockname() {
        return program.call("getsockname()", engine::getsockname);
    }

    public Address getpeername() {
        return program.call("getpeername()", engine::getpeername);
    }

    public void setsockopt(SockOption option, int value) {
        program.call("setsockopt()", () -> {
            engine.setsockopt(option, value);
            return null;
        });
    }

    public int getsockopt(SockOption option) {
        return program.call("getsockopt()", () -> engine.getsockopt(option));
    }

    /** A text file over the socket: {@code "r"} to read lines, {@code "w"} to write them. */
    public PyFile makefile(String mode) {
        if (mode.indexOf('b') >= 0) {
            throw new ValueError("binary mode " + PyRepr.str(mode)
                    + " is not offered here: use recv and send for bytes");
        }
        return program.call("makefile()", () -> new PyFile(new LineFile(new RoutedSock(this), mode), program));
    }

    public PyFile makefile() {
        return makefile("r");
    }

    /** Python's repr, without the descriptor number, which Java does not show. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<socket.socket ");
        if (engine.isClosed()) {
            out.append("[closed] ");
        }
        out.append("family=").append(engine.family()).append(", type=").append(engine.kind()).append(", proto=0");
        if (!engine.isClosed()) {
            try {
                out.append(", laddr=").append(engine.getsockname().pythonRepr());
            } catch (SockError unbound) {
                // Only a closed socket has no local address; it was open a moment ago.
            }
            try {
                String peer = engine.getpeername().pythonRepr();
                out.append(", raddr=").append(peer);
            } catch (SockError notConnected) {
                // A socket with no peer shows no raddr, as in Python.
            }
        }
        return out.append('>').toString();
    }

    int listeningPort() {
        return listeningPort;
    }

    void listeningOn(int port) {
        listeningPort = port;
    }

    /** The direction this socket sends in, when its peer is a replayed program; else null. */
    Ledger.Flow outbound() {
        return outbound;
    }

    Ledger.Flow inbound() {
        Ledger.Flow out = outbound;
        return out == null ? null : out.reversed();
    }

    void connectedBetween(int localPort, int peerPort) {
        outbound = new Ledger.Flow(localPort, peerPort);
    }

    private void connectedBetweenIfKnown(int localPort, int peerPort) {
        Conductor.Side side = program.side();
        Ledger.Flow flow = new Ledger.Flow(localPort, peerPort);
        if (side != null && side.conductor().check(ledger -> ledger.knows(flow))) {
            outbound = flow;
        }
    }

    /** Whether a read would return at once, by the ledger's count. */
    boolean readableIn(Ledger ledger) {
        if (engine.isClosed()) {
            return false;
        }
        if (listeningPort >= 0) {
            return ledger.hasUnaccepted(listeningPort);
        }
        Ledger.Flow in = inbound();
        return in != null && ledger.readable(in);
    }

    void checkSelectable() throws SockError {
        if (engine.isClosed()) {
            throw SockError.valueError("file descriptor cannot be a negative integer (-1)");
        }
    }
}
