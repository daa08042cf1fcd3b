package io.sockshell.py;

import io.sockshell.engine.SockError;

/** A call on a socket with a timeout that ran out, or a connect the peer never answered. */
public class TimeoutError extends OSError {
    private static final long serialVersionUID = 1L;

    TimeoutError(SockError error) {
        super(error);
    }
}
