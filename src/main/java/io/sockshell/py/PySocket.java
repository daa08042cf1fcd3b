package io.sockshell.py;

import io.sockshell.engine.Accepted;
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
import io.sockshell.py.spi.OpenSocket;
import io.sockshell.py.spi.RunningProgram;
import io.sockshell.py.spi.SockCall;

/**
 * Python's {@code socket.socket}, over the engine the shell uses. Method names and results are
 * Python's: {@code recv} returns bytes that print as {@code b'...'}, {@code accept} returns the
 * pair {@code (conn, address)}, failures raise {@link PyException}s whose message is CPython's
 * last traceback line. Closing is also {@link AutoCloseable#close()}, Python's {@code with}.
 */
public final class PySocket implements AutoCloseable, OpenSocket {
    private final RunningProgram program;
    private final Sock sock;
    /** Files from {@link #makefile} not closed yet: each keeps the descriptor open, as in CPython. */
    private int openFiles;
    private boolean closeDeferred;

    PySocket(RunningProgram program, Sock sock) {
        this.program = program;
        this.sock = sock;
        program.opened(this);
    }

    /** The socket the program opened: its calls go the program's way to the engine. */
    Sock sock() {
        return sock;
    }

    public Family family() {
        return sock.family();
    }

    public Kind type() {
        return sock.kind();
    }

    public void bind(Address address) {
        run("bind()", () -> sock.bind(address.host(), address.port()));
    }

    /** {@code s.bind('/tmp/x.sock')}: an AF_UNIX socket's address is its path. */
    public void bind(String path) {
        bind(Address.unix(path));
    }

    /** Whether the socket has ports for the program's records (an AF_UNIX socket has a path). */
    private boolean hasPorts() {
        return sock.family() != Family.AF_UNIX;
    }

    /** Python 3.5+'s default backlog when none is given. */
    public void listen() {
        listen(128);
    }

    public void listen(int backlog) {
        run("listen()", () -> {
            sock.listen(backlog);
            if (hasPorts()) {
                program.listening(sock.getsockname().port());
            }
        });
    }

    /** Waits for a client; returns the connected socket and the client's address. */
    public AcceptedPair accept() {
        return call("accept()", () -> {
            Accepted accepted = sock.accept();
            PySocket conn = new PySocket(program, accepted.socket());
            if (hasPorts()) {
                program.seenPort(accepted.peer().port(), false);
            }
            return new AcceptedPair(conn, accepted.peer());
        });
    }

    public void connect(Address address) {
        run("connect()", () -> {
            sock.connect(address.host(), address.port());
            if (hasPorts()) {
                program.seenPort(sock.getsockname().port(), false);
                program.seenPort(sock.getpeername().port(), true);
            }
        });
    }

    /** {@code s.connect('/tmp/x.sock')}, for an AF_UNIX socket. */
    public void connect(String path) {
        connect(Address.unix(path));
    }

    /** {@code s.connect_ex('/tmp/x.sock')}, for an AF_UNIX socket. */
    public int connect_ex(String path) {
        return connect_ex(Address.unix(path));
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
        return call("send()", () -> sock.send(data));
    }

    /** Sends every byte, waiting as often as it takes; meant for blocking sockets. */
    public void sendall(PyBytes data) {
        run("sendall()", () -> sock.sendall(data));
    }

    /** Up to {@code bufsize} bytes; {@code b''} once the peer has closed its side. */
    public PyBytes recv(int bufsize) {
        return call("recv()", () -> sock.recv(bufsize));
    }

    /** False makes every call raise {@code BlockingIOError} instead of waiting. */
    public void setblocking(boolean flag) {
        run("setblocking()", () -> sock.setblocking(flag));
    }

    /** Seconds each call may wait before {@code TimeoutError}; null waits for ever, 0.0 never waits. */
    public void settimeout(Double seconds) {
        run("settimeout()", () -> sock.settimeout(seconds));
    }

    public Double gettimeout() {
        return sock.gettimeout();
    }

    public void shutdown(ShutdownHow how) {
        run("shutdown()", () -> sock.shutdown(how));
    }

    /**
     * Closes the socket; closing twice is harmless, as in Python. While a file made from it is
     * open, CPython only marks the socket closed and the descriptor lives (sends still work)
     * until the last such file closes; so does this.
     */
    @Override
    public synchronized void close() {
        if (openFiles > 0) {
            closeDeferred = true;
        } else if (!sock.isClosed()) {
            sock.close();
            program.closed(this);
        }
    }

    @Override
    public synchronized void closeAtExit() {
        openFiles = 0;
        closeDeferred = false;
        close();
    }

    /** A file made from this socket has closed: the last one ends a close that waited for it. */
    synchronized void fileClosed() {
        if (openFiles == 0) {
            return;
        }
        openFiles--;
        if (openFiles == 0 && closeDeferred) {
            closeDeferred = false;
            close();
        }
    }

    public boolean isClosed() {
        return sock.isClosed();
    }

    public Address getsockname() {
        return call("getsockname()", sock::getsockname);
    }

    public Address getpeername() {
        return call("getpeername()", sock::getpeername);
    }

    public void setsockopt(SockOption option, int value) {
        run("setsockopt()", () -> sock.setsockopt(option, value));
    }

    public int getsockopt(SockOption option) {
        return call("getsockopt()", () -> sock.getsockopt(option));
    }

    /** A text file over the socket: {@code "r"} to read lines, {@code "w"} to write them. */
    public PyFile makefile(String mode) {
        if (mode.indexOf('b') >= 0) {
            throw new ValueError("binary mode " + PyRepr.str(mode)
                    + " is not offered here: use recv and send for bytes");
        }
        PyFile file = call("makefile()", () -> new PyFile(new LineFile(sock, mode), program, this));
        synchronized (this) {
            openFiles++;
        }
        return file;
    }

    public PyFile makefile() {
        return makefile("r");
    }

    /** Python's repr, without the descriptor number, which Java does not show. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<socket.socket ");
        if (sock.isClosed()) {
            out.append("[closed] ");
        }
        out.append("family=").append(sock.family()).append(", type=").append(sock.kind()).append(", proto=0");
        if (!sock.isClosed()) {
            try {
                appendAddress(out, "laddr", sock.getsockname());
            } catch (SockError unbound) {
                // Only a closed socket has no local address; it was open a moment ago.
            }
            try {
                appendAddress(out, "raddr", sock.getpeername());
            } catch (SockError notConnected) {
                // A socket with no peer shows no raddr, as in Python.
            }
        }
        return out.append('>').toString();
    }

    /**
     * CPython's repr shows {@code str(address)} when the address is not empty: an AF_UNIX path
     * unquoted, an unnamed AF_UNIX socket not at all.
     */
    private static void appendAddress(StringBuilder out, String key, Address address) {
        if (address.family() != Family.AF_UNIX || address.isAbstract()) {
            out.append(", ").append(key).append('=').append(address.pythonRepr());
        } else if (!address.host().isEmpty()) {
            out.append(", ").append(key).append('=').append(address.host());
        }
    }

    private <T> T call(String name, SockCall<T> body) {
        return Programs.call(program, name, body);
    }

    private void run(String name, Programs.SockAction action) {
        Programs.run(program, name, action);
    }
}
