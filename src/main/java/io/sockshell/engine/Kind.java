package io.sockshell.engine;

/** Socket types, named as in Python's {@code socket} module. */
public enum Kind {
    SOCK_STREAM(1),
    SOCK_DGRAM(2);

    private final int number;

    Kind(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
