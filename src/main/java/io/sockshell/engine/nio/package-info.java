/**
 * The backend built on java.nio channels and selectors, which runs on every JDK sockshell
 * supports. Its channels never block; Python's blocking, timeout and nonblocking modes are
 * made on top of them, with waits that a {@link io.sockshell.engine.CancelSignal} can end.
 * Where NIO differs from the kernel's socket (binding and listening in one step, closing a
 * channel whose connect failed, halving buffer sizes), the classes here make it look like
 * Linux's socket, as CPython shows it.
 *
 * <p>Only its {@link io.sockshell.engine.nio.NioBackendProvider} is meant to be found, through
 * {@link io.sockshell.engine.SocketBackendProvider}; nothing outside this package names a
 * class in it. Like the engine, it imports only {@code java.*} and the engine, and never
 * prints.
 */
package io.sockshell.engine.nio;
