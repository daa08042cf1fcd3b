/**
 * Programs a session starts and talks to (the {@code program}, {@code type}, {@code output},
 * {@code ports}, {@code eof}, {@code signal} commands): a {@link io.sockshell.program.Program}
 * is a process in a process group of its own with its keyboard and screen as pipes, kept in
 * the session's socket table as a {@link io.sockshell.engine.Holding}; its
 * {@link io.sockshell.program.ProgramLauncher} starts it and owns the guard that ends a
 * session's programs however the shell ends. Whether a program is quiet, where it listens and
 * whether anything is on its way to it are read from the kernel ({@code /proc}), never from a
 * clock.
 *
 * <p>Linux only (it reads {@code /proc} and starts {@code setsid}, {@code sh}, {@code mkfifo}).
 * It imports only {@code java.*} and the engine, and never prints: commands show what it
 * returns.
 */
package io.sockshell.program;
