package io.sockshell.engine;

import io.sockshell.engine.internal.NioBackend;
import java.util.List;
import java.util.Map;

/**
 * Creates sockets and waits on many of them at once. The NIO backend is the one there is; a
 * second one could call the operating system's socket functions directly through the JDK's
 * foreign-function API and show real descriptors.
 */
public interface SocketBackend {

    static SocketBackend nio(TraceListener trace) {
        return new NioBackend(trace);
    }

    Sock open(Family family, Kind kind) throws SockError;

    /**
     * Python's {@code select.select}: {@code timeoutSeconds} null waits for ever, 0 polls.
     */
    Readiness select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeoutSeconds)
            throws SockError;

    /**
     * Python's {@code poll().poll(timeout)}: {@code interest} maps sockets to POLLIN/POLLOUT
     * masks; {@code timeoutMillis} null or negative waits for ever.
     */
    List<PollEvent> poll(Map<Sock, Integer> interest, Integer timeoutMillis) throws SockError;
}
