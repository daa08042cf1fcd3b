/**
 * The shell's commands: one Picocli class per socket call ({@code bind}, {@code recv}, ...) and
 * per command of the shell itself ({@code jobs}, {@code wait}, {@code set}, {@code help}, ...),
 * listed in {@link io.sockshell.command.Commands#ALL}; the data-literal parser, the display of
 * results, and {@link io.sockshell.command.ShellContext}, all a command may use of the session
 * it runs in. A new command goes here, and into {@code Commands.ALL}.
 *
 * <p>Commands call the engine and print through the writers Picocli gives them; {@code diagram}
 * draws what the session recorded with {@code io.sockshell.diagram}. It imports that, the
 * conversation model, the engine and Picocli; never {@code session} (it reaches the session only through
 * {@code ShellContext}), {@code repl}, {@code transcript}, {@code replay} or {@code cli}.
 */
package io.sockshell.command;
