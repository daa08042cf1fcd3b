/**
 * One shell session: a line in, results and CPython's error lines out
 * ({@link io.sockshell.session.Session#execute(String)}), with the line splitter, background
 * jobs, the fast path for a repeated line, and script mode. Every driver (the terminal, a
 * script, a transcript party, a recording) goes through {@code Session}.
 *
 * <p>It records its calls for {@code diagram} through {@code recording} (off unless asked for).
 * It imports {@code command}, {@code recording}, the conversation model, the engine and Picocli; never {@code repl}, {@code transcript},
 * {@code replay} or {@code cli}, which drive it.
 */
package io.sockshell.session;
