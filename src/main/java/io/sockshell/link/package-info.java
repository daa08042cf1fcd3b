/**
 * Links (the {@code link} command): a relay listening on {@code 127.0.0.1} that passes every
 * connection made to it on to a loopback target, both ways, cutting the stream into seeded
 * pieces, holding, pacing, limiting or resetting it as asked. A {@link io.sockshell.link.Link}
 * is kept in the session's socket table as a {@link io.sockshell.engine.Holding}.
 *
 * <p>What makes a link fit for a golden transcript: each piece is written only once the reader
 * has taken the previous one, read from the kernel ({@code /proc/net/tcp}: the reader's receive
 * queue is empty and the piece has reached it), so one recv of a big enough buffer returns
 * exactly one piece on every run, whoever the reader is (a socket of this shell, a program, a
 * replay). A piece is cut short only when nothing more is on its way from the writer (its send
 * queue is empty too), so the sizes do not depend on how the writer's bytes happened to arrive.
 *
 * <p>Linux only (it reads {@code /proc}). It imports only {@code java.*} and the engine, and
 * never prints: commands show what it returns.
 */
package io.sockshell.link;
