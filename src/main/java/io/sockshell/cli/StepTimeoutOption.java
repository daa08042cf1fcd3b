package io.sockshell.cli;

import io.sockshell.transcript.TranscriptRunner;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}: the bound on each step of a transcript, for run and check alike. */
final class StepTimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Bound on each step (default: ${DEFAULT-VALUE}); a %%timeout line in a transcript overrides it.")
    double seconds = TranscriptRunner.DEFAULT_STEP_SECONDS;
}
