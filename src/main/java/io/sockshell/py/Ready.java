package io.sockshell.py;

import java.util.List;

/** What {@code select} returns: the sockets ready to read, to write, and in error. */
public record Ready(List<PySocket> readable, List<PySocket> writable, List<PySocket> exceptional) {
    public boolean isEmpty() {
        return readable.isEmpty() && writable.isEmpty() && exceptional.isEmpty();
    }

    /** Python's tuple of three lists. */
    @Override
    public String toString() {
        return "(" + readable + ", " + writable + ", " + exceptional + ")";
    }
}
