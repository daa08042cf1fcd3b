package io.sockshell.engine;

/** Which direction {@code shutdown} closes, as Python's SHUT_RD, SHUT_WR and SHUT_RDWR. */
public enum ShutdownHow {
    SHUT_RD,
    SHUT_WR,
    SHUT_RDWR;

    public boolean reads() {
        return this != SHUT_WR;
    }

    public boolean writes() {
        return this != SHUT_RD;
    }
}
