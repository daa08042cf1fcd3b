package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The end-of-transcript check: each golden transcript, run on its own, leaves the process with
 * the descriptors and threads it started with. (ShippedTranscriptsTest runs them all at once,
 * which is quicker but cannot tell whose descriptor is whose.)
 */
class TranscriptDescriptorsTest {
    private static final Path FOLDER = Path.of("transcripts");
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TestFactory
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    Stream<DynamicTest> eachTranscriptGivesBackItsDescriptorsAndThreads() throws IOException, TranscriptError {
        List<Path> files;
        try (Stream<Path> listed = Files.list(FOLDER)) {
            files = listed.filter(file -> file.toString().endsWith(Transcript.EXTENSION)).sorted().toList();
        }
        assertTrue(files.size() > 0, "no transcripts in " + FOLDER);
        TranscriptRunner runner = new TranscriptRunner(Parties.all(), TranscriptRunner.DEFAULT_STEP_SECONDS);
        // One unmeasured run of each first: a first run loads classes and opens what the JDK
        // keeps for good (the random source a temporary folder's name comes from, say), which
        // is not the transcript's to give back.
        for (Path file : files) {
            runner.run(Transcript.read(file));
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            TreeSet<String> before = ProcessResources.descriptorTargets();
            ProcessResources.Counts start = ProcessResources.now();
            TranscriptResult result = runner.run(Transcript.read(file));
            ProcessResources.Counts end = ProcessResources.awaitReturnTo(start, SETTLE);
            assertTrue(result.passed(), file + " did not pass on its own");
            TreeSet<String> left = ProcessResources.descriptorTargets();
            left.removeAll(before);
            System.out.printf("leaks/transcripts: %s: %s before, %s after%n", file.getFileName(), start, end);
            assertTrue(end.descriptors() <= start.descriptors(), file + " left descriptors open: " + left);
            assertEquals(List.of(), ProcessResources.threadsStartedSince(start, end), file + " left threads running");
        }));
    }
}
