package io.sockshell.transcript;

import java.util.List;

/**
 * Someone in a transcript who takes one line of input at a time: a sockshell session (a
 * server, a client), or a replay of programs run by {@code replay ...} lines; the kinds are
 * registered in {@code cli.Parties}. A party runs its input on the caller's thread and must
 * return once {@link #cancel()} is called from another thread, so no step can hang the run.
 */
public interface Party extends AutoCloseable {
    /** What one line of input printed, and whether it succeeded. */
    record Output(String text, boolean failed) {
    }

    /** Runs one line of input to completion and returns everything it printed. */
    Output execute(String input);

    /** Asks the input running now to stop; called from another thread when a step overruns. */
    void cancel();

    /** What this party still holds open (sockets, background jobs), one line each. */
    List<String> leftovers();

    /** Releases everything the party holds; must not block for long. */
    @Override
    void close();
}
