/**
 * The interactive shell on a terminal, around one {@code Session}: lines read with history and
 * completion, Ctrl-C cancelling just the command in the foreground, finished background jobs
 * printed above the prompt.
 *
 * <p>The only package that imports JLine ({@code LayeringTest} checks). It imports
 * {@code session}, the engine's option names and Picocli's command model (for completion);
 * never {@code transcript}, {@code replay} or {@code cli}.
 */
package io.sockshell.repl;
