package io.sockshell.py.runtime;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import java.util.List;

/**
 * A program on its own: its sockets are the engine's, whose calls wait as each socket's mode
 * says, and the keyboard is its own whenever it reads.
 */
final class DirectTransport implements Transport {
    private final SocketBackend backend;

    DirectTransport(SocketBackend backend) {
        this.backend = backend;
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        return backend.open(family, kind);
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeout)
            throws SockError {
        return backend.select(read, write, except, timeout);
    }

    @Override
    public String keyboardTurn() {
        return null;
    }
}
