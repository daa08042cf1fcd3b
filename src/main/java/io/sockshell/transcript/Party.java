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

    /**
     * Runs one line as {@link #execute} does, and cancels it as Ctrl-C would as soon as it
     * blocks (waits for the network or for another party): a {@code %interrupt} step, a Ctrl-C
     * recorded at a terminal and replayed without a clock. A party that cannot tell when its
     * input blocks refuses.
     */
    default Output executeInterruptedWhenBlocked(String input) {
        throw new UnsupportedOperationException("this party cannot be interrupted once it blocks");
    }

    /** Asks the input running now to stop; called from another thread when a step overruns. */
    void cancel();

    /** What this party still holds open (sockets, background jobs), one line each. */
    List<String> leftovers();

    /** Releases everything the party holds; must not block for long. */
    @Override
    void close();
}
