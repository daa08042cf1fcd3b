package io.sockshell.engine;

/**
 * Receives one line per operating-system level call the engine makes, packetdrill style:
 * {@code bind(s, 0.0.0.0:2000) = 0} or {@code recv(c, 1024) = -1 EAGAIN (Resource temporarily unavailable)}.
 */
@FunctionalInterface
public interface TraceListener {
    TraceListener NONE = new TraceListener() {
        @Override
        public void syscall(String line) {
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    void syscall(String line);

    /**
     * Whether lines are wanted now. The engine builds a line only when they are: building one
     * for every call costs more than a small send or recv itself.
     */
    default boolean enabled() {
        return true;
    }
}
