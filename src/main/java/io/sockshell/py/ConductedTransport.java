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

/**
 * Calls between replayed programs, decided by the {@link Conductor}'s ledger. A call that the
 * ledger says would wait gives up the turn until it can go on; then it waits for real, with the
 * turn held and a bound, for what the ledger says is already on its way. A blocking
 * {@code recv} returns everything the peer has sent and the program not yet read (up to
 * {@code bufsize}): one of the answers TCP may give, and always the same one. A blocking
 * {@code send} sends everything, as Linux does for a blocking socket. Connections to programs
 * outside the replay go straight to the engine, without the turn.
 */
final class ConductedTransport implements Transport {
    private final Conductor.Side side;
    private final Conductor conductor;
    private final SocketBackend backend;

    ConductedTransport(Conductor.Side side, SocketBackend backend) {
        this.side = side;
        this.conductor = side.conductor();
        this.backend = backend;
    }

    @Override
    public void listen(PySocket socket, int backlog) throws SockError {
        socket.engine().listen(backlog);
        int port = socket.engine().getsockname().port();
        socket.listeningOn(port);
        conductor.record(ledger -> ledger.listening(port));
    }

    @Override
    public Accepted accept(PySocket socket) throws SockError {
        Sock engine = socket.engine();
        int port = socket.listeningPort();
        if (port < 0) {
            return engine.accept();
        }
        if (nonblocking(engine)) {
            if (!conductor.check(ledger -> ledger.hasUnaccepted(port))) {
                return pollOnce(engine::accept);
            }
        } else {
            side.await(Conductor.Wait.ACCEPT, "accept()", "no client has connected yet",
                    ledger -> ledger.hasUnaccepted(port), timed(engine));
        }
        arrive(List.of(engine), List.of());
        Accepted accepted = engine.accept();
        conductor.record(ledger -> ledger.accepted(port));
        return accepted;
    }

    @Override
    public void connect(PySocket socket, Address address) throws SockError {
        Sock engine = socket.engine();
        engine.connect(address.host(), address.port());
        int local = engine.getsockname().port();
        int remote = engine.getpeername().port();
        if (conductorKnows(local, remote)) {
            socket.connectedBetween(local, remote);
        }
    }

    private boolean conductorKnows(int local, int remote) {
        return conductor.check(ledger -> ledger.connected(local, remote));
    }

    @Override
    public int send(PySocket socket, PyBytes data) throws SockError {
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

    @Override
    public void sendall(PySocket socket, PyBytes data) throws SockError {
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
    private void sendEverything(PySocket socket, PyBytes data, Ledger.Flow out) throws SockError {
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

    @Override
    public PyBytes recv(PySocket socket, int bufsize) throws SockError {
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

    @Override
    public void shutdown(PySocket socket, ShutdownHow how) throws SockError {
        socket.engine().shutdown(how);
        Ledger.Flow out = socket.outbound();
        if (how.writes() && out != null) {
            conductor.record(ledger -> ledger.finished(out));
        }
    }

    @Override
    public void close(PySocket socket) {
        socket.engine().close();
        Ledger.Flow out = socket.outbound();
        int listening = socket.listeningPort();
        conductor.record(ledger -> {
            if (out != null) {
                ledger.finished(out);
            }
            if (listening >= 0) {
                ledger.stoppedListening(listening);
            }
        });
    }

    @Override
    public Ready select(List<PySocket> read, List<PySocket> write, List<PySocket> except, Double timeout)
            throws SockError {
        for (PySocket socket : read) {
            socket.checkSelectable();
        }
        Ready ready = readyNow(read, write);
        if (ready.isEmpty()) {
            if (timeout != null && timeout == 0.0) {
                side.pollingFoundNothing();
                return Ready.NONE;
            }
            try {
                side.await(Conductor.Wait.SELECT, "select()", "none of its sockets is ready",
                        ledger -> anyReadable(read, ledger), timeout != null);
            } catch (SockError e) {
                if (e.pythonClass().equals("TimeoutError")) {
                    return Ready.NONE;
                }
                throw e;
            }
            ready = readyNow(read, write);
        }
        List<Sock> readable = new ArrayList<>();
        for (PySocket socket : ready.readable()) {
            readable.add(socket.engine());
        }
        arrive(readable, List.of());
        return ready;
    }

    private Ready readyNow(List<PySocket> read, List<PySocket> write) throws SockError {
        List<PySocket> readable = new ArrayList<>();
        for (PySocket socket : read) {
            if (conductor.check(socket::readableIn) && !readable.contains(socket)) {
                readable.add(socket);
            }
        }
        List<PySocket> writable = List.of();
        if (!write.isEmpty()) {
            Map<Sock, PySocket> owners = new IdentityHashMap<>();
            Readiness now = backend.select(List.of(), DirectTransport.engines(write, owners), List.of(), 0.0);
            writable = DirectTransport.owned(now.writable(), owners);
        }
        return new Ready(readable, writable, List.of());
    }

    private static boolean anyReadable(List<PySocket> sockets, Ledger ledger) {
        for (PySocket socket : sockets) {
            if (socket.readableIn(ledger)) {
                return true;
            }
        }
        return false;
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
            Readiness ready = backend.select(reading, writing, List.of(), left);
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
