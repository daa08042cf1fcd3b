package io.sockshell.conversation;

/**
 * One socket over its life.
 *
 * @param id           its number in the conversation, from 0 in the order sockets were first used
 * @param party        the party or program that holds it
 * @param name         its name there ({@code conn}), or null when nobody named it
 * @param stream       TCP (true) or UDP
 * @param local        the address it is bound to, once it is
 * @param peer         the address it is connected to, once it is
 * @param listening    whether it listened
 * @param acceptedFrom the listening socket that accepted it, or -1
 */
public record Lifeline(int id, String party, String name, boolean stream, Endpoint local, Endpoint peer,
        boolean listening, int acceptedFrom) {
}
