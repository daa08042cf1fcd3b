/**
 * The backend that makes the kernel's own socket calls (socket, bind, connect, send, recv,
 * poll...) through Java's foreign function API, so every result and every errno is the
 * kernel's, as CPython's are. Only {@link io.sockshell.engine.posix.PosixBackendProvider} is
 * here, compiled for Java 17: the backend itself is in {@code src/main/java22}, compiled for
 * Java 22 when a JDK 22+ is at hand, and loaded only by the provider, only on JDK 22+ on Linux.
 *
 * <p>Like the engine it imports only {@code java.*} and the engine, and never prints.
 */
package io.sockshell.engine.posix;
