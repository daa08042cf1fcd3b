package io.sockshell.py;

import io.sockshell.engine.SockError;

/**
 * A wait that was cut short from outside: Ctrl-C, or a replay that stops the program. Not an
 * {@link OSError}, so {@code catch (OSError e)} in a polling loop does not swallow it.
 */
public class KeyboardInterrupt extends PyException {
    private static final long serialVersionUID = 1L;

    KeyboardInterrupt(SockError error) {
        super(error);
    }
}
