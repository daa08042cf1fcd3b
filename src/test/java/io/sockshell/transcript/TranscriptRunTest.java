package io.sockshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Running transcripts against real loopback sockets: matching, reports, bounds, leftovers, update. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TranscriptRunTest {
    private static final String SERVER_AND_CLIENT = String.join("\n",
            "%party server",
            "%party client",
            "server> socket s",
            "server> bind s \"\" 0",
            "server> listen s 1",
            "server> getsockname s",
            "('0.0.0.0', [[port:\\d+]])",
            "client> socket c",
            "client> connect c localhost [[port]]",
            "server> accept s conn",
            "('127.0.0.1', [[client_port:\\d+]])",
            "");

    @TempDir
    Path folder;

    private static TranscriptResult run(String text) throws TranscriptError {
        return new TranscriptRunner(Parties.all(), 5).run(Transcript.parse(Path.of("t.t"), text));
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static TranscriptChecker.Outcome check(Path file, boolean update)
            throws IOException, InterruptedException, ExecutionException {
        try (TranscriptChecker checker = new TranscriptChecker(new TranscriptRunner(Parties.all(), 5),
                update, 2)) {
            List<Future<TranscriptChecker.Outcome>> outcomes = checker.submitAll(List.of(file));
            return outcomes.get(0).get();
        }
    }

    @Test
    void patternsCapturesAndBlockingStepsMatch() throws TranscriptError {
        TranscriptResult result = run(SERVER_AND_CLIENT + String.join("\n",
                "client> getsockname c",
                "('127.0.0.1', [[client_port]])",
                "client> getpeername c",
                "('127.0.0.1', [[port]])",
                "client> recv c 1024 &",
                "[1] pending: recv c 1024",
                "server> send conn \"abc\\n\\n# not a comment\"",
                "[[sent:\\d+]]",
                "client> wait",
                "[1] done: recv c 1024",
                "b'abc\\n[..]comment'",
                "server> help recv",
                "...",
                "\\",
                "Lesson: [..]",
                "...",
                "server> sockets",
                "NAME [..]",
                "      MODE [..]",
                "s +tcp4 +listening +0\\.0\\.0\\.0:[[port]] +- (re)",
                "...",
                "server> close conn s",
                "client> close c",
                ""));
        assertTrue(result.passed(), result.failureReport());
    }

    @Test
    void theRewriteOfAFailedRunPassesAndIsStable() throws TranscriptError {
        TranscriptResult result = run(SERVER_AND_CLIENT + String.join("\n",
                "server> send conn \"[\"+\"[x]] [..] (re)\\n\\n# not a comment\"",
                "17",
                "client> recv c 1024",
                "b'something else'",
                "server> sockets",
                "NAME [..]",
                "\\d+: a line that is not printed (re)",
                "...",
                "server> close conn s",
                "client> close c",
                ""));
        assertFalse(result.passed());
        TranscriptResult rewritten = run(result.actualText());
        assertTrue(rewritten.passed(), rewritten.failureReport());
        assertEquals(result.actualText(), rewritten.actualText());
    }

    /**
     * A run expects the {@code %backend} block of the backend its parties use, as the party
     * kinds tell it, and an update rewrites that block only: the backend's name alone decides,
     * whichever backend this JVM's sessions really use.
     */
    @Test
    void aRunExpectsTheBlockOfItsBackendAndAnUpdateRewritesThatBlock() throws Exception {
        String text = String.join("\n",
                "sockshell> socket s",
                "sockshell> getsockname s",
                "('0.0.0.0', 0)",
                "%backend other",
                "('9.9.9.9', 0)",
                "sockshell> close s",
                "");
        Path file = write("backends.t", text);
        PartyKinds kinds = Parties.all();
        TranscriptRunner ownBlock = new TranscriptRunner(kinds.onBackend("mine", List.of("mine", "other")), 5);
        assertTrue(ownBlock.run(Transcript.read(file)).passed());
        TranscriptResult onOther = new TranscriptRunner(kinds.onBackend("other", List.of("mine", "other")), 5)
                .run(Transcript.read(file));
        assertFalse(onOther.passed());
        assertTrue(onOther.failureReport().startsWith(file + ":2: step 2 (sockshell> getsockname s): output differs"),
                onOther.failureReport());
        assertTrue(onOther.failureReport().contains("-('9.9.9.9', 0)\n+('0.0.0.0', 0)"), onOther.failureReport());
        assertEquals(text.replace("9.9.9.9", "0.0.0.0"), onOther.actualText());
    }

    @Test
    void aMismatchIsReportedWithFileLineStepAndADiff() throws TranscriptError {
        TranscriptResult result = run(SERVER_AND_CLIENT + String.join("\n",
                "server> send conn \"abc\"",
                "4",
                "client> recv c 1024",
                "b'abc'",
                "server> close conn s",
                "client> close c",
                ""));
        assertFalse(result.passed());
        List<String> report = List.of(result.failureReport().split("\n"));
        assertEquals("t.t:12: step 8 (server> send conn \"abc\"): output differs", report.get(0));
        assertTrue(report.contains("--- t.t (expected)"), result.failureReport());
        assertTrue(report.contains("+++ t.t (actual)"), result.failureReport());
        assertTrue(report.contains("-4"), result.failureReport());
        assertTrue(report.contains("+3"), result.failureReport());
        assertTrue(report.stream().anyMatch(line -> line.startsWith("@@ -11,")), result.failureReport());
    }

    @Test
    void anInterruptedStepGetsItsCtrlCOnceItBlocksWithoutAClock() throws TranscriptError {
        long started = System.nanoTime();
        TranscriptResult result = run(String.join("\n",
                "%timeout 30",
                "sockshell> socket s",
                "sockshell> bind s \"\" 0",
                "sockshell> listen s 1",
                "%interrupt",
                "sockshell> accept s conn",
                "KeyboardInterrupt",
                "sockshell> socket c",
                "sockshell> connect c localhost s.port",
                "sockshell> recv c 10 &",
                "[1] pending: recv c 10",
                "%interrupt",
                "sockshell> wait",
                "KeyboardInterrupt",
                "%interrupt",
                "sockshell> getsockname s",
                "('0.0.0.0', [[port:\\d+]])",
                "sockshell> kill 1",
                "sockshell> wait 1",
                "[1] done: recv c 10",
                "KeyboardInterrupt",
                "sockshell> close c s",
                ""));
        assertTrue(result.passed(), result.failureReport());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 10, "the Ctrl-Cs came as the steps blocked, not at their bound: " + seconds + " s");
    }

    @Test
    void interruptStandsRightAboveTheCommandItInterrupts() {
        TranscriptError error = assertThrows(TranscriptError.class, () -> Transcript.parse(Path.of("t.t"),
                String.join("\n", "sockshell> socket s", "%interrupt", "", "sockshell> accept s", "")));
        assertEquals("t.t:2: %interrupt takes no arguments and stands right above the command it interrupts"
                + " (with Ctrl-C, once the command blocks)", error.getMessage());
    }

    @Test
    void aStepThatBlocksIsCancelledAtItsBoundAndTheRunStops() throws TranscriptError {
        long started = System.nanoTime();
        TranscriptResult result = run(String.join("\n",
                "%timeout 0.3",
                "sockshell> socket s",
                "sockshell> bind s \"\" 0",
                "sockshell> listen s 1",
                "sockshell> accept s conn",
                "sockshell> close s",
                ""));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 3, "took " + seconds + " s");
        assertFalse(result.passed());
        assertEquals(4, result.steps().size(), "the run stops at the step that overran");
        assertEquals(List.of("KeyboardInterrupt"), result.steps().get(3).actual());
        assertEquals("step 4 (sockshell> accept s conn) did not finish within 0.3 s, so it was cancelled and the run"
                + " stops here (a command that waits for another party belongs in the background, with &; a slow one"
                + " needs a larger %timeout)", result.problems().get(0).sentence());
        assertNull(result.leftovers(), "leftovers are not judged after a run that stopped");
        assertTrue(result.whyNotUpdatable().startsWith("t.t:5: step 4"), result.whyNotUpdatable());
    }

    @Test
    void somethingLeftOpenFailsUnlessTheTranscriptListsIt() throws TranscriptError {
        String body = String.join("\n", "sockshell> socket s", "sockshell> recv s 10 &", "[1] pending: recv s 10",
                "sockshell> socket t", "sockshell> bind t \"\" 0", "sockshell> listen t 1", "sockshell> accept t &",
                "[2] pending: accept t", "");
        TranscriptResult unlisted = run(body);
        assertFalse(unlisted.passed());
        assertTrue(unlisted.failureReport().startsWith(
                "t.t:8: at the end: left open but not listed in a %leftovers block"), unlisted.failureReport());
        assertTrue(unlisted.actualText().endsWith(String.join("\n", "", "%leftovers",
                "sockshell: job [1] recv s 10 was never waited for",
                "sockshell: job [2] accept t was never waited for",
                "sockshell: socket s still open",
                "sockshell: socket t still open", "")), unlisted.actualText());
        TranscriptResult listed = run(unlisted.actualText());
        assertTrue(listed.passed(), listed.failureReport());
    }

    @Test
    void aCaptureWhoseLineDidNotMatchStopsTheStepsThatUseIt() throws TranscriptError {
        TranscriptResult result = run(String.join("\n",
                "%party server",
                "%party client",
                "server> socket s",
                "server> getsockname s",
                "('127.0.0.1', [[port:\\d+]])",
                "client> socket c",
                "client> connect c localhost [[port]]",
                ""));
        assertFalse(result.passed());
        assertEquals("step 4 (client> connect c localhost [[port]]) was not run: capture [[port]] has no value because"
                + " the line that binds it did not match", result.problems().get(0).sentence());
    }

    @Test
    void carriedFilesAreSentByName() throws TranscriptError {
        TranscriptResult result = run(SERVER_AND_CLIENT + String.join("\n",
                "%file request.txt",
                "GET / HTTP/1.0",
                "",
                "%endfile",
                "client> sendall c @request.txt+\"!\"",
                "server> recv conn 1024",
                "b'GET / HTTP/1.0\\n\\n!'",
                "client> send c \"@request.txt\"",
                "12",
                "server> recv conn 1024",
                "b'@request.txt'",
                "server> close conn s",
                "client> close c",
                ""));
        assertTrue(result.passed(), result.failureReport());
    }

    @Test
    void updateRewritesOnlyWhatDiffersAndKeepsPatterns() throws Exception {
        String correct = SERVER_AND_CLIENT + String.join("\n",
                "# a comment stays",
                "client> getsockname c",
                "('127.0.0.1', [[client_port]])",
                "server> send conn \"hello\"",
                "5",
                "client> recv c 1024",
                "b'hello'",
                "server> close conn s",
                "client> close c",
                "");
        String broken = correct.replace("('127.0.0.1', [[client_port]])", "('127.0.0.2', [[client_port]])")
                .replace("b'hello'", "b'help'\nextra line")
                .replace("('0.0.0.0', [[port:\\d+]])", "('0.0.0.1', [[port:\\d+]])");
        Path file = write("update.t", broken);
        TranscriptChecker.Outcome failed = check(file, false);
        assertEquals(TranscriptChecker.Status.FAILED, failed.status());
        assertEquals(broken, Files.readString(file), "check alone never writes");

        TranscriptChecker.Outcome updated = check(file, true);
        assertEquals(TranscriptChecker.Status.UPDATED, updated.status(), updated.detail());
        assertEquals(correct, Files.readString(file));

        TranscriptChecker.Outcome again = check(file, true);
        assertEquals(TranscriptChecker.Status.PASSED, again.status(), again.detail());
        assertEquals(correct, Files.readString(file), "an update is idempotent");
    }

    @Test
    void updateNeverTouchesAFileItCannotParse() throws Exception {
        String text = "sockshell> socket s\n%bogus\n";
        Path file = write("bad.t", text);
        TranscriptChecker.Outcome outcome = check(file, true);
        assertEquals(TranscriptChecker.Status.BAD_INPUT, outcome.status());
        assertEquals(file + ":2: unknown directive %bogus (known: %party, %timeout, %interrupt, %file, %endfile, %leftovers, %python, %backend)",
                outcome.detail());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void updateRefusesARewriteThatWouldLoseACaptureStillInUse() throws Exception {
        String text = String.join("\n",
                "%party server",
                "%party client",
                "server> socket s",
                "server> bind s \"\" 0",
                "server> getsockname s",
                "port [[port:\\d+]] of many",
                "client> socket c",
                "client> connect c localhost [[port]]",
                "");
        Path file = write("lost.t", text);
        TranscriptChecker.Outcome outcome = check(file, true);
        assertEquals(TranscriptChecker.Status.NOT_UPDATED, outcome.status());
        assertTrue(outcome.detail().startsWith(file + ":8: step 5 (client> connect c localhost [[port]]) was not run"),
                outcome.detail());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void aFileInATranscriptFolderThatIsNotATranscriptFails() throws Exception {
        write("good.t", "sockshell> socket s\nsockshell> close s\n");
        write("forgotten.txt", "sockshell> socket s\n");
        write("README.md", "about these transcripts\n");
        try (TranscriptChecker checker = new TranscriptChecker(new TranscriptRunner(Parties.all(), 5),
                false, 2)) {
            List<Future<TranscriptChecker.Outcome>> outcomes = checker.submitAll(List.of(folder));
            assertEquals(2, outcomes.size());
            TranscriptChecker.Outcome orphan = outcomes.get(0).get();
            assertEquals(TranscriptChecker.Status.BAD_INPUT, orphan.status());
            assertTrue(orphan.detail().endsWith("forgotten.txt: is in a transcript folder but is not a transcript"
                    + " (transcripts end in .t), so it would never run; rename it or move it out"), orphan.detail());
            assertEquals(TranscriptChecker.Status.PASSED, outcomes.get(1).get().status());
        }
    }
}
