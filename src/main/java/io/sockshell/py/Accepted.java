package io.sockshell.py;

import io.sockshell.engine.Address;

/** What {@code accept} returns: Python's pair {@code (conn, address)}. */
public record Accepted(PySocket conn, Address addr) {
    @Override
    public String toString() {
        return "(" + conn + ", " + addr.pythonRepr() + ")";
    }
}
