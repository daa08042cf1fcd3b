package io.sockshell.py;

import io.sockshell.engine.Address;

/**
 * What {@code accept} returns: Python's pair {@code (conn, address)}, the facade's socket where
 * the engine's {@link io.sockshell.engine.Accepted} has its own.
 */
public record AcceptedPair(PySocket conn, Address addr) {
    @Override
    public String toString() {
        return "(" + conn + ", " + addr.pythonRepr() + ")";
    }
}
