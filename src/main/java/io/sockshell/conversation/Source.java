package io.sockshell.conversation;

/**
 * Where a call came from: a line of a file (a transcript's step, a script's snippet), or, with
 * no file, the number of the command in the session that made it.
 */
public record Source(String file, int line) {
}
