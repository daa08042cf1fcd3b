package io.sockshell.replay;

/** A replay that cannot start or go on, with a message that names the script and line. */
public final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplayException(String message) {
        super(message);
    }
}
