package io.sockshell.py.conductor;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.Datagram;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SockOption;

/**
 * A socket of a replayed program: the engine's socket, with the calls that may wait sent to
 * the {@link ConductedTransport}, and the conductor's record of it: the end it listens on,
 * the direction it sends in when its peer is a replayed program. A {@link LineFile} made on it
 * reads and writes the way the socket itself does, turns included.
 */
final class ConductedSock implements Sock {
    private final Sock engine;
    private final ConductedTransport transport;
    private volatile Endpoint listening;
    private volatile Ledger.Flow outbound;

    ConductedSock(Sock engine, ConductedTransport transport) {
        this.engine = engine;
        this.transport = transport;
    }

    Sock engine() {
        return engine;
    }

    /** The end this socket listens on (a port, an AF_UNIX path); null when it does not listen. */
    Endpoint listening() {
        return listening;
    }

    void listeningOn(Endpoint server) {
        listening = server;
    }

    /** The direction this socket sends in, when its peer is a replayed program; else null. */
    Ledger.Flow outbound() {
        return outbound;
    }

    Ledger.Flow inbound() {
        Ledger.Flow out = outbound;
        return out == null ? null : out.reversed();
    }

    void sendsIn(Ledger.Flow flow) {
        outbound = flow;
    }

    /** Whether a read would return at once, by the ledger's count. */
    boolean readableIn(Ledger ledger) {
        if (engine.isClosed()) {
            return false;
        }
        Endpoint server = listening;
        if (server != null) {
            return ledger.hasUnaccepted(server);
        }
        Ledger.Flow in = inbound();
        return in != null && ledger.readable(in);
    }

    void checkSelectable() throws SockError {
        if (engine.isClosed()) {
            throw SockError.valueError("file descriptor cannot be a negative integer (-1)");
        }
    }

    @Override
    public void listen(int backlog) throws SockError {
        transport.listen(this, backlog);
    }

    @Override
    public Accepted accept() throws SockError {
        return transport.accept(this);
    }

    @Override
    public void connect(String host, int port) throws SockError {
        transport.connect(this, host, port);
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        return transport.recv(this, bufsize);
    }

    @Override
    public int send(PyBytes data) throws SockError {
        return transport.send(this, data);
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        transport.sendall(this, data);
    }

    @Override
    public void shutdown(ShutdownHow how) throws SockError {
        transport.shutdown(this, how);
    }

    @Override
    public void close() {
        transport.close(this);
    }

    @Override
    public LineFile makefile(String mode) throws SockError {
        return new LineFile(this, mode);
    }

    // The rest is the engine socket's own: none of it waits for another program.

    @Override
    public Family family() {
        return engine.family();
    }

    @Override
    public Kind kind() {
        return engine.kind();
    }

    @Override
    public String label() {
        return engine.label();
    }

    @Override
    public void label(String label) {
        engine.label(label);
    }

    @Override
    public void bind(String host, int port) throws SockError {
        engine.bind(host, port);
    }

    @Override
    public int connectEx(String host, int port) throws SockError {
        return engine.connectEx(host, port);
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        return engine.sendto(data, host, port);
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        return engine.recvfrom(bufsize);
    }

    @Override
    public void setblocking(boolean blocking) throws SockError {
        engine.setblocking(blocking);
    }

    @Override
    public void settimeout(Double seconds) throws SockError {
        engine.settimeout(seconds);
    }

    @Override
    public Double gettimeout() {
        return engine.gettimeout();
    }

    @Override
    public boolean isClosed() {
        return engine.isClosed();
    }

    @Override
    public Address getsockname() throws SockError {
        return engine.getsockname();
    }

    @Override
    public Address getpeername() throws SockError {
        return engine.getpeername();
    }

    @Override
    public void setsockopt(SockOption option, int value) throws SockError {
        engine.setsockopt(option, value);
    }

    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        engine.setLinger(on, seconds);
    }

    @Override
    public int fileno() throws SockError {
        return engine.fileno();
    }

    @Override
    public int getsockopt(SockOption option) throws SockError {
        return engine.getsockopt(option);
    }

    @Override
    public SockInfo info() {
        return engine.info();
    }

    @Override
    public long bytesReceived() {
        return engine.bytesReceived();
    }

    @Override
    public int listenBacklog() {
        return engine.listenBacklog();
    }
}
