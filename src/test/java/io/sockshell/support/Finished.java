package io.sockshell.support;

import java.io.IOException;
import java.time.Duration;

/**
 * A child process run to its end: its exit status and everything it printed. For commands
 * that finish by themselves (a launcher, bash, tar); the wait is bounded, and a process still
 * running at the bound is killed and fails the test.
 */
public record Finished(int exitCode, String stdout, String stderr) {
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** Runs what {@code builder} describes with {@code input} on its standard input. */
    public static Finished run(ProcessBuilder builder, String input) throws IOException, InterruptedException {
        try (JavaProcess process = JavaProcess.start(builder)) {
            process.type(input);
            process.endInput();
            int exitCode = process.exitCode(BOUND);
            return new Finished(exitCode, process.stdout().awaitClosed(BOUND), process.stderr().awaitClosed(BOUND));
        }
    }

    /** Runs it with nothing on its standard input. */
    public static Finished run(ProcessBuilder builder) throws IOException, InterruptedException {
        return run(builder, "");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
