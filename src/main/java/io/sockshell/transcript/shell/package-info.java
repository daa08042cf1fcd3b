/**
 * The shell's side of transcripts: a sockshell session as a party
 * ({@link io.sockshell.transcript.shell.ShellParty}, the {@code shell} kind) and a live session
 * recorded as a transcript ({@link io.sockshell.transcript.shell.Recorder}, for
 * {@code sockshell record}).
 *
 * <p>It joins the transcript core to {@code session} (and reads the engine's socket table for
 * the ports a recording turns into captures). Neither the core nor {@code session} imports it;
 * its kind is registered with the others in {@code cli.Parties}. It never imports {@code cli},
 * {@code repl} or {@code replay}.
 */
package io.sockshell.transcript.shell;
