package io.sockshell.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One socket with Python's {@code socket.socket} semantics. Every call that Python can make
 * block obeys the socket's mode: blocking (timeout {@code null}) waits, nonblocking
 * (timeout 0.0) raises {@code BlockingIOError}, and a timeout raises {@code TimeoutError}.
 * Waits can be cancelled through {@link CancelSignal}; the socket stays usable afterwards.
 */
public interface Sock extends AutoCloseable {
    Family family();

    Kind kind();

    /** The name the socket is shown under in traces; set by whoever names it. */
    String label();

    void label(String label);

    /**
     * Python's bind. For an AF_UNIX socket {@code host} is the path (an abstract name starts
     * with NUL) and {@code port} is ignored; the same holds for connect and connect_ex.
     */
    void bind(String host, int port) throws SockError;

    void listen(int backlog) throws SockError;

    Accepted accept() throws SockError;

    void connect(String host, int port) throws SockError;

    /** Like {@link #connect} but returns the errno (0 on success) instead of raising it. */
    int connectEx(String host, int port) throws SockError;

    /** Sends what the operating system takes now, which may be less than {@code data}. */
    int send(PyBytes data) throws SockError;

    void sendall(PyBytes data) throws SockError;

    int sendto(PyBytes data, String host, int port) throws SockError;

    /** Up to {@code bufsize} bytes; {@code b''} once the peer has closed or shut down its side. */
    PyBytes recv(int bufsize) throws SockError;

    /**
     * A recv that keeps only how many bytes came (0 at end of stream), for bulk data nobody
     * looks at; a socket may then skip copying the bytes into the Java heap.
     */
    default int recvLength(int bufsize) throws SockError {
        return recv(bufsize).length();
    }

    Datagram recvfrom(int bufsize) throws SockError;

    void setblocking(boolean blocking) throws SockError;

    /** {@code null} for blocking, 0.0 for nonblocking, otherwise seconds. */
    void settimeout(Double seconds) throws SockError;

    Double gettimeout();

    void shutdown(ShutdownHow how) throws SockError;

    /** Closes the socket; closing twice is harmless, as in Python. */
    @Override
    void close();

    boolean isClosed();

    /**
     * Python's {@code fileno()}: the descriptor's number, -1 once closed. A backend that has no
     * number to show (Java's channels hide theirs) raises {@code io.UnsupportedOperation}, as
     * CPython does for a file-like object without a descriptor. No default: a socket that wraps
     * another must pass the call on, or the real descriptor is hidden.
     */
    int fileno() throws SockError;

    Address getsockname() throws SockError;

    Address getpeername() throws SockError;

    void setsockopt(SockOption option, int value) throws SockError;

    /** {@code SO_LINGER} takes two values: whether lingering is on and for how many seconds. */
    void setLinger(boolean on, int seconds) throws SockError;

    int getsockopt(SockOption option) throws SockError;

    /** A file-like object over this socket; {@code mode} as Python's: r, w, rw, with b for bytes. */
    LineFile makefile(String mode) throws SockError;

    SockInfo info();

    /**
     * How many bytes the calls that receive have returned so far, read live without a snapshot
     * of the rest: a link waits on it, while the reader takes each piece, to write the next.
     * No default here or below: a socket that wraps another must pass these on.
     */
    long bytesReceived();

    /**
     * The backlog this socket's listen gave the kernel (which caps it at
     * {@code net.core.somaxconn}), or -1 while it is not listening. The kernel's table does not
     * show it; {@code ss} reads it over netlink as a listener's Send-Q.
     */
    int listenBacklog();

    /** The sockets' labels as Python prints a list of them: {@code [s, conn1]}. */
    static String labels(List<? extends Sock> socks) {
        List<String> names = new ArrayList<>(socks.size());
        for (Sock sock : socks) {
            names.add(sock.label());
        }
        return names.toString();
    }
}
