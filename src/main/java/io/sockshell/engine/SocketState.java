package io.sockshell.engine;

/** Where a socket is in its life, as a learner would name it. */
public enum SocketState {
    FRESH,
    BOUND,
    LISTENING,
    CONNECTING,
    CONNECTED,
    /** Connected, with at least one direction shut down. */
    HALF_CLOSED,
    CLOSED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
