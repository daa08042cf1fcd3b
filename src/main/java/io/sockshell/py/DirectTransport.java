package io.sockshell.py;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Every call goes straight to the engine, which waits as the socket's mode says. */
final class DirectTransport implements Transport {
    private final SocketBackend backend;

    DirectTransport(SocketBackend backend) {
        this.backend = backend;
    }

    @Override
    public void listen(PySocket socket, int backlog) throws SockError {
        socket.engine().listen(backlog);
    }

    @Override
    public Accepted accept(PySocket socket) throws SockError {
        return socket.engine().accept();
    }

    @Override
    public void connect(PySocket socket, Address address) throws SockError {
        socket.engine().connect(address.host(), address.port());
    }

    @Override
    public int send(PySocket socket, PyBytes data) throws SockError {
        return socket.engine().send(data);
    }

    @Override
    public void sendall(PySocket socket, PyBytes data) throws SockError {
        socket.engine().sendall(data);
    }

    @Override
    public PyBytes recv(PySocket socket, int bufsize) throws SockError {
        return socket.engine().recv(bufsize);
    }

    @Override
    public void shutdown(PySocket socket, ShutdownHow how) throws SockError {
        socket.engine().shutdown(how);
    }

    @Override
    public void close(PySocket socket) {
        socket.engine().close();
    }

    @Override
    public Ready select(List<PySocket> read, List<PySocket> write, List<PySocket> except, Double timeout)
            throws SockError {
        Map<Sock, PySocket> owners = new IdentityHashMap<>();
        Readiness ready = backend.select(engines(read, owners), engines(write, owners),
                engines(except, owners), timeout);
        return new Ready(owned(ready.readable(), owners), owned(ready.writable(), owners),
                owned(ready.exceptional(), owners));
    }

    static List<Sock> engines(List<PySocket> sockets, Map<Sock, PySocket> owners) {
        List<Sock> engines = new ArrayList<>(sockets.size());
        for (PySocket socket : sockets) {
            engines.add(socket.engine());
            owners.put(socket.engine(), socket);
        }
        return engines;
    }

    static List<PySocket> owned(List<Sock> engines, Map<Sock, PySocket> owners) {
        List<PySocket> sockets = new ArrayList<>(engines.size());
        for (Sock engine : engines) {
            sockets.add(owners.get(engine));
        }
        return sockets;
    }
}
