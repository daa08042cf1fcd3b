package io.sockshell.engine;

/**
 * Receives one line per operating-system level call the engine makes, packetdrill style:
 * {@code bind(s, 0.0.0.0:2000) = 0} or {@code recv(c, 1024) = -1 EAGAIN (Resource temporarily unavailable)}.
 */
@FunctionalInterface
public interface TraceListener {
    TraceListener NONE = line -> { };

    void syscall(String line);
}
