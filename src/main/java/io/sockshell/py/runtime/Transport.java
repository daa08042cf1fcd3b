package io.sockshell.py.runtime;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import java.util.List;

/**
 * How a program's calls reach the engine: straight through for a program on its own, or under
 * a conductor's turns when programs are replayed against each other. The transport opens the
 * program's sockets, so every call on them (an {@code accept}, a {@code recv}, the reads of a
 * file made by {@code makefile}) goes its way; {@code select} and the keyboard, which are no
 * one socket's, it answers itself.
 */
public interface Transport {
    /** Makes a program's transport once the program exists: a conductor's notes and stops it. */
    @FunctionalInterface
    interface Factory {
        Transport create(Program program, SocketBackend backend);
    }

    /** A new socket of the program. */
    Sock open(Family family, Kind kind) throws SockError;

    /** {@code select.select} over the program's sockets; {@code timeout} null waits for ever, 0 polls. */
    Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeout) throws SockError;

    /**
     * Waits until the program may read the keyboard. Returns a line a script typed for it, or
     * null when it reads its own keyboard.
     */
    String keyboardTurn() throws SockError;
}
