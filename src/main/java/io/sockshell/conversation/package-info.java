/**
 * What happened in a run, as events: each call a party or program made on a socket, with its
 * arguments, result or error, the bytes it moved and a short preview of them, and when it began
 * and ended on a logical clock (a counter, never a wall clock, so the same run gives the same
 * record); each socket's lifeline with the addresses it got, so that lifelines of different
 * parties join into one conversation (a client's connect and a server's accept are one handshake
 * when their addresses match). A {@link io.sockshell.conversation.Conversation} is a snapshot of
 * a {@link io.sockshell.conversation.Recorder}, and tells which calls blocked and what released
 * them.
 *
 * <p>It imports nothing but {@code java.*}: the drivers (a session, a replayed program) feed it
 * through {@code io.sockshell.recording}, and pictures ({@code io.sockshell.diagram}) read it.
 */
package io.sockshell.conversation;
