/**
 * The program runtime: one running program as the facade sees it ({@code sys.argv}, its
 * keyboard, its output, the sockets it holds, the calls it waits in and how to stop them), bound
 * to the threads that run its script, or the process itself in stock {@code jshell}; and its
 * {@link io.sockshell.py.runtime.Transport}, the way its calls reach the engine: straight
 * through here, or a conductor's when programs are replayed against each other.
 *
 * <p>It implements {@link io.sockshell.py.spi} and imports only the engine, that SPI and
 * {@code recording} (a program asked to record wraps the sockets it opens): not
 * the facade, which reaches it through the SPI, nor {@code py.conductor}, which builds on it,
 * nor {@code replay}, which runs it.
 */
package io.sockshell.py.runtime;
