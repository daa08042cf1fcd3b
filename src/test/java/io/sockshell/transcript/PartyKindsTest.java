package io.sockshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Other kinds of party plug in through {@link PartyKinds#with}, as a replay of a program whose
 * keyboard input the transcript types would; and even a party that ignores being cancelled
 * cannot hang a run.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PartyKindsTest {
    /** A party that answers each line with the line upper-cased, as a trivial program would. */
    private static final class Shouting implements Party {
        final List<String> heard = new ArrayList<>();

        @Override
        public Output execute(String input) {
            heard.add(input);
            return new Output(input.toUpperCase() + "\n", false);
        }

        @Override
        public void cancel() {
        }

        @Override
        public List<String> leftovers() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    /** A party whose input never returns and which ignores cancel, until the test lets it go. */
    private static final class Stuck implements Party {
        final CountDownLatch release;

        Stuck(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Output execute(String input) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Output("", false);
        }

        @Override
        public void cancel() {
        }

        @Override
        public List<String> leftovers() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPartyOfAnotherKindTakesItsLinesInFileOrder() throws TranscriptError {
        Shouting program = new Shouting();
        PartyKinds kinds = Parties.all().with("shouting", (name, arguments, directory) -> program);
        TranscriptResult result = new TranscriptRunner(kinds, 5).run(Transcript.parse(Path.of("t.t"), String.join("\n",
                "%party shell",
                "%party keyboard shouting",
                "shell> socket s",
                "keyboard> hello",
                "HELLO",
                "shell> close s",
                "keyboard> [..] (re)",
                "\\\\[\\.\\.] \\(RE\\) (re)",
                "")));
        assertTrue(result.passed(), result.failureReport());
        assertEquals(List.of("hello", "[..] (re)"), program.heard);
    }

    @Test
    void aStepThatIgnoresCancelIsAbandonedAndTheRunEnds() throws TranscriptError {
        CountDownLatch release = new CountDownLatch(1);
        PartyKinds kinds = Parties.all().with("stuck", (name, arguments, directory) -> new Stuck(release));
        try {
            TranscriptResult result = new TranscriptRunner(kinds, 0.2).run(Transcript.parse(Path.of("t.t"),
                    "%party p stuck\np> anything\np> never reached\n"));
            assertFalse(result.passed());
            assertEquals(List.of(new TranscriptResult.Problem(2, "step 1 (p> anything) did not finish within 0.2 s and"
                    + " ignored being cancelled; the run stops here")), result.problems());
            assertEquals(List.of(), result.steps());
        } finally {
            release.countDown();
        }
    }
}
