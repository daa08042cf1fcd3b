package io.sockshell.py;

import io.sockshell.engine.SockError;

/** A call given a value it cannot use, such as a negative timeout or an unknown file mode. */
public class ValueError extends PyException {
    private static final long serialVersionUID = 1L;

    ValueError(SockError error) {
        super(error);
    }

    ValueError(String detail) {
        super("ValueError", detail);
    }
}
