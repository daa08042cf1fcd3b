package io.sockshell.py;

import io.sockshell.engine.SockError;

/**
 * Python's {@code ConnectionError} family: refused, reset, aborted, broken pipe.
 * {@link #pythonClass()} says which.
 */
public class ConnectionError extends OSError {
    private static final long serialVersionUID = 1L;

    ConnectionError(SockError error) {
        super(error);
    }
}
