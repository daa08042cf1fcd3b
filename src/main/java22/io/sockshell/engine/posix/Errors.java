package io.sockshell.engine.posix;

import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;

/** A failed call's errno as the error CPython raises for it. */
final class Errors {
    private Errors() {
    }

    static SockError raised(int errno) {
        return SockError.of(Libc.errnoValue(errno));
    }

    /** strace's way of showing a failure: {@code -1 ECONNREFUSED (Connection refused)}. */
    static String shown(int errno) {
        Errno value = Libc.errnoValue(errno);
        return "-1 " + value.name() + " (" + value.text() + ")";
    }
}
