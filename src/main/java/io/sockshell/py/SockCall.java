package io.sockshell.py;

import io.sockshell.engine.SockError;

/** One call into the engine, which may raise the engine's checked error. */
@FunctionalInterface
interface SockCall<T> {
    T run() throws SockError;
}
