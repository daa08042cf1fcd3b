package io.sockshell.engine;

/** What {@code recvfrom} returns; {@code from} is null on a connected stream, as in Python. */
public record Datagram(PyBytes data, Address from) {
    public String pythonRepr() {
        return "(" + data + ", " + (from == null ? "None" : from.pythonRepr()) + ")";
    }
}
