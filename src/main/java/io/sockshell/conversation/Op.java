package io.sockshell.conversation;

/** What a call does to its socket, whatever its caller named it ({@code read} is a {@code RECV}). */
public enum Op {
    BIND, LISTEN, ACCEPT, CONNECT,
    /** Bytes out: send, sendall, a file's flush. */
    SEND,
    /** Bytes out to an address: sendto. */
    SENDTO,
    /** Bytes in: recv, a file's read and readline. */
    RECV,
    /** Bytes in with the sender's address: recvfrom. */
    RECVFROM,
    SHUTDOWN, CLOSE,
    /** setblocking, settimeout. */
    MODE,
    /** setsockopt. */
    OPTION,
    MAKEFILE,
    /** select or poll over several sockets. */
    SELECT;

    /** Whether the call moves bytes out. */
    public boolean sends() {
        return this == SEND || this == SENDTO;
    }

    /** Whether the call takes bytes in. */
    public boolean receives() {
        return this == RECV || this == RECVFROM;
    }

    /** Whether several engine calls of this kind in one command are one event (a file's read loops over recv). */
    boolean merges() {
        return sends() || receives();
    }
}
