package io.sockshell.transcript;

import java.util.List;

/** What one step did: the command that ran, what it printed, and how that compares. */
public final class StepResult {
    private final Step step;
    private final String command;
    private final List<String> actual;
    private final BlockMatcher.Result match;
    private final boolean failed;

    StepResult(Step step, String command, List<String> actual, BlockMatcher.Result match, boolean failed) {
        this.step = step;
        this.command = command;
        this.actual = List.copyOf(actual);
        this.match = match;
        this.failed = failed;
    }

    Step step() {
        return step;
    }

    BlockMatcher.Result match() {
        return match;
    }

    /** The command that ran, with captures filled in. */
    public String command() {
        return command;
    }

    /** The lines it printed. */
    public List<String> actual() {
        return actual;
    }

    /** Whether the command reported a failure (which is often just what the step shows). */
    public boolean failed() {
        return failed;
    }

    public boolean matched() {
        return match.matched();
    }

    /** {@code client> recv c 1024}, as the step is written. */
    public String display() {
        return step.display();
    }

    public String party() {
        return step.party();
    }

    public int line() {
        return step.line();
    }
}
