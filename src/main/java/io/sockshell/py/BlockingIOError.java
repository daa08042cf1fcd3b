package io.sockshell.py;

import io.sockshell.engine.SockError;

/** A nonblocking call that would have had to wait: nothing to read yet, no room to send. */
public class BlockingIOError extends OSError {
    private static final long serialVersionUID = 1L;

    BlockingIOError(SockError error) {
        super(error);
    }
}
