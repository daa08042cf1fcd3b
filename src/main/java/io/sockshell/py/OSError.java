package io.sockshell.py;

import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;

/** Python's {@code OSError}: every failed socket call, with the errno where the OS gave one. */
public class OSError extends PyException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    OSError(SockError error) {
        super(error);
        this.errno = error.errno().map(Errno::number).orElse(0);
    }

    /** The errno number, or 0 when the error has none (as {@code e.errno} is None in Python). */
    public int errno() {
        return errno;
    }
}
