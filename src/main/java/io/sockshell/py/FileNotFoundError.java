package io.sockshell.py;

import io.sockshell.engine.SockError;

/**
 * Python's {@code FileNotFoundError} ({@code [Errno 2]}): no file at the path, as when a stale
 * AF_UNIX socket file is already gone at {@code unlink}, or a connect names a path nobody bound.
 */
public class FileNotFoundError extends OSError {
    private static final long serialVersionUID = 1L;

    FileNotFoundError(SockError error) {
        super(error);
    }
}
