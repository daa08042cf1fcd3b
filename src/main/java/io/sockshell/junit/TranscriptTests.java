package io.sockshell.junit;

import io.sockshell.cli.Parties;
import io.sockshell.transcript.PartyKinds;
import io.sockshell.transcript.StepResult;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptChecker;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Runs transcripts as JUnit 5 dynamic tests, one per file, named after it and pointing at it
 * with a {@code file:line} source URI. Use it from a project's own tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> transcripts() throws IOException {
 *     return TranscriptTests.in(Path.of("src/test/transcripts"));
 * }
 * }</pre>
 *
 * All transcripts start at once (they are independent) when the stream is made; each test
 * waits for its own. A malformed transcript, or a file in the folder that is not a transcript,
 * fails its test, so nothing is skipped silently.
 *
 * <p>sockshell does not bring JUnit along: the project using this class does (JUnit Jupiter 5).
 */
public final class TranscriptTests {
    /** Longest a test waits for its transcript on top of the transcript's own step bounds. */
    private static final long MAX_TRANSCRIPT_SECONDS = 300;

    private TranscriptTests() {
    }

    /**
     * One test per transcript in {@code folder} (and below), with the default step bound and
     * every party kind sockshell has ({@code shell}, {@code replay}).
     */
    public static Stream<DynamicTest> in(Path folder) throws IOException {
        return in(folder, TranscriptRunner.DEFAULT_STEP_SECONDS, Parties.all());
    }

    /** The same with another step bound and other party kinds (such as {@code Parties.all().with(...)}). */
    public static Stream<DynamicTest> in(Path folder, double stepSeconds, PartyKinds kinds) throws IOException {
        List<Path> paths = List.of(folder);
        TranscriptChecker checker = new TranscriptChecker(new TranscriptRunner(kinds, stepSeconds), false,
                Runtime.getRuntime().availableProcessors());
        List<Future<TranscriptChecker.Outcome>> outcomes;
        try {
            outcomes = checker.submitAll(paths);
        } catch (IOException e) {
            checker.close();
            throw e;
        }
        if (outcomes.isEmpty()) {
            checker.close();
            return Stream.of(DynamicTest.dynamicTest("no transcripts in " + folder, () -> {
                throw new AssertionFailedError(folder + " holds no transcripts (files ending in "
                        + Transcript.EXTENSION + ")");
            }));
        }
        return outcomes.stream().map(outcome -> test(folder, outcome)).onClose(checker::close);
    }

    private static DynamicTest test(Path folder, Future<TranscriptChecker.Outcome> outcome) {
        TranscriptChecker.Outcome done = await(outcome);
        Path file = done.file();
        String name = folder.relativize(file).toString();
        int line = done.result() == null ? 1 : firstLine(done);
        URI source = URI.create(file.toAbsolutePath().toUri() + "?line=" + line);
        Executable check = () -> {
            if (!done.status().ok()) {
                throw new AssertionFailedError(done.detail());
            }
        };
        return DynamicTest.dynamicTest(name, source, check);
    }

    /** Where the report points: the first mismatch or problem, else the first step. */
    private static int firstLine(TranscriptChecker.Outcome outcome) {
        TranscriptResult result = outcome.result();
        int first = result.problems().stream().mapToInt(TranscriptResult.Problem::line).filter(line -> line > 0)
                .min().orElse(Integer.MAX_VALUE);
        for (StepResult step : result.steps()) {
            if (!step.matched()) {
                first = Math.min(first, step.line());
            }
        }
        return first == Integer.MAX_VALUE ? 1 : first;
    }

    private static TranscriptChecker.Outcome await(Future<TranscriptChecker.Outcome> outcome) {
        try {
            return outcome.get(MAX_TRANSCRIPT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a transcript", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a transcript did not finish", e);
        }
    }
}
