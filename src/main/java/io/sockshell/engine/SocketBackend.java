package io.sockshell.engine;

import java.util.List;
import java.util.Map;

/**
 * Creates sockets and waits on many of them at once. Implementations are found by name through
 * {@link SocketBackends}, so nothing here names one.
 */
public interface SocketBackend {
    /** The name it is chosen by ({@code nio}, {@code posix}). */
    String name();

    Sock open(Family family, Kind kind) throws SockError;

    /**
     * Python's {@code select.select}: {@code timeoutSeconds} null waits for ever, 0 polls.
     */
    Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeoutSeconds)
            throws SockError;

    /**
     * Python's {@code poll().poll(timeout)}: {@code interest} maps sockets to POLLIN/POLLOUT
     * masks; {@code timeoutMillis} null or negative waits for ever.
     */
    List<PollEvent> poll(Map<Sock, Integer> interest, Integer timeoutMillis) throws SockError;
}
