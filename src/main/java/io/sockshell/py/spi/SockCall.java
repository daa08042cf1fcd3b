package io.sockshell.py.spi;

import io.sockshell.engine.SockError;

/** One call into the engine, which may raise the engine's checked error. */
@FunctionalInterface
public interface SockCall<T> {
    T run() throws SockError;
}
