/**
 * The interactive shell on a terminal, around one {@code Session}: lines read with history and
 * completion, Ctrl-C cancelling just the command in the foreground, finished background jobs
 * printed above the prompt. The terminal's width goes to the session before each command; a
 * paste of several lines runs as that many commands; a call that waits says so once; lines
 * typed while a command blocks are kept through Ctrl-C; a resize redraws the input once
 * ({@code ShellLineReader}, JLine's reader made to do these).
 *
 * <p>The only package that imports JLine ({@code LayeringTest} checks). It imports
 * {@code session}, the engine's option names and Picocli's command model (for completion);
 * never {@code transcript}, {@code replay} or {@code cli}.
 */
package io.sockshell.repl;
