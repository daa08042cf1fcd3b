/**
 * The socket engine: Python's {@code socket} and {@code select} modules as Java calls, with
 * results and errors as CPython on Linux gives them ({@link io.sockshell.engine.Sock},
 * {@link io.sockshell.engine.SockError}, {@link io.sockshell.engine.SocketTable}), and the
 * interface a backend implements ({@link io.sockshell.engine.SocketBackend}), chosen by name
 * through {@link io.sockshell.engine.SocketBackends}.
 *
 * <p>It imports only {@code java.*} and never prints: what a call did reaches the user
 * through return values, errors and a {@link io.sockshell.engine.TraceListener}. It never
 * names an implementation: backends live in packages of their own (such as
 * {@code io.sockshell.engine.nio}) and are found through
 * {@link io.sockshell.engine.SocketBackendProvider}, so that nothing here depends on them.
 *
 * <p>Whatever in the process starts another process does it through
 * {@link io.sockshell.engine.ProcessStarts}, so that no socket of the engine is closing while
 * a child holds copies of the JVM's descriptors.
 */
package io.sockshell.engine;
