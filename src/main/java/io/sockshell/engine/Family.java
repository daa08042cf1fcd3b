package io.sockshell.engine;

/** Address families, named as in Python's {@code socket} module. */
public enum Family {
    AF_INET(2, "0.0.0.0"),
    AF_INET6(10, "::"),
    /** Local stream sockets named by a path (or, on Linux, an abstract name); no wildcard. */
    AF_UNIX(1, "");

    private final int number;
    private final String wildcard;

    Family(int number, String wildcard) {
        this.number = number;
        this.wildcard = wildcard;
    }

    public int number() {
        return number;
    }

    /** The "any address" host, which Python writes as {@code ''} in {@code bind}. */
    public String wildcard() {
        return wildcard;
    }
}
