package io.sockshell.py;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SockError;
import java.util.List;

/**
 * How the calls that may wait reach the engine: straight through for a program on its own, or
 * through the {@link Conductor} when programs are replayed against each other.
 */
interface Transport {
    void listen(PySocket socket, int backlog) throws SockError;

    Accepted accept(PySocket socket) throws SockError;

    void connect(PySocket socket, Address address) throws SockError;

    int send(PySocket socket, PyBytes data) throws SockError;

    void sendall(PySocket socket, PyBytes data) throws SockError;

    PyBytes recv(PySocket socket, int bufsize) throws SockError;

    void shutdown(PySocket socket, ShutdownHow how) throws SockError;

    void close(PySocket socket);

    /** {@code select.select}; {@code timeout} null waits for ever, 0 polls. */
    Ready select(List<PySocket> read, List<PySocket> write, List<PySocket> except, Double timeout)
            throws SockError;
}
