package io.sockshell.py;

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
 * The engine socket of a {@link PySocket}, with reads and writes sent through the program's
 * transport. The engine's {@link LineFile} is built on this, so a file made by
 * {@code makefile} reads and writes the way the socket itself does, turns included.
 */
final class RoutedSock implements Sock {
    private final PySocket owner;
    private final Sock engine;

    RoutedSock(PySocket owner) {
        this.owner = owner;
        this.engine = owner.engine();
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        return owner.transport().recv(owner, bufsize);
    }

    @Override
    public int send(PyBytes data) throws SockError {
        return owner.transport().send(owner, data);
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        owner.transport().sendall(owner, data);
    }

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
    public void listen(int backlog) throws SockError {
        engine.listen(backlog);
    }

    @Override
    public Accepted accept() throws SockError {
        return engine.accept();
    }

    @Override
    public void connect(String host, int port) throws SockError {
        engine.connect(host, port);
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
    public void shutdown(ShutdownHow how) throws SockError {
        engine.shutdown(how);
    }

    @Override
    public void close() {
        engine.close();
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
    public int getsockopt(SockOption option) throws SockError {
        return engine.getsockopt(option);
    }

    @Override
    public LineFile makefile(String mode) throws SockError {
        return new LineFile(this, mode);
    }

    @Override
    public SockInfo info() {
        return engine.info();
    }
}
