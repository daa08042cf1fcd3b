package io.sockshell.engine;

/** What {@code accept} returns: the new connected socket and the client's address. */
public record Accepted(Sock socket, Address peer) {
}
