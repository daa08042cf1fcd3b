/**
 * Sessions as programs in another language: {@link io.sockshell.export.PythonExport} writes a
 * transcript, a recorded session or the lines a shell ran as a python3 program making the same
 * socket calls and printing what the shell printed. It reads commands with the command
 * package's own parsers and data literals, and transcripts through the transcript core's
 * {@code ExportStep}; it never runs a command. The {@code check --python} judge and the
 * differential tests run what it writes. It must not import the repl, replay, cli or junit
 * packages (they sit above it), and it reaches the shell's {@code export} command only through
 * {@code command.SessionExport}, found by ServiceLoader.
 */
package io.sockshell.export;
