package io.sockshell.py.conductor;

/**
 * One end of a connection between replayed programs, as the {@link Ledger} names it. The
 * programs share one host, so a TCP end is its port and an AF_UNIX end the path its socket is
 * bound to. An AF_UNIX socket bound to no path (a client, as a rule) has no name the kernel
 * could give back, so the ledger numbers it, once per socket.
 */
sealed interface Endpoint {
    record Port(int number) implements Endpoint {
    }

    record Path(String name) implements Endpoint {
    }

    record Unnamed(long serial) implements Endpoint {
    }
}
