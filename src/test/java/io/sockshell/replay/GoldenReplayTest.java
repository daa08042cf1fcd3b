package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every golden transcript under {@code jshell-scripts/golden/}, replayed and compared line by line,
 * one dynamic test per file. {@code -Dsockshell.golden.runs=50} replays each that many times
 * (the determinism check), {@code -Dsockshell.golden.only=PREFIX} only the files whose name
 * starts so; {@code -Dsockshell.golden.update=true} rewrites the files from what
 * the replays print now (patterns included, so look at the diff before committing).
 */
class GoldenReplayTest {
    private static final Path GOLDEN = Path.of("jshell-scripts", "golden");
    /** A bound for one replay; @Timeout covers only the factory, not the tests it makes. */
    private static final Duration EACH = Duration.ofSeconds(60);

    @TestFactory
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    Stream<DynamicTest> goldenTranscripts() throws IOException {
        int runs = Integer.getInteger("sockshell.golden.runs", 1);
        boolean update = Boolean.getBoolean("sockshell.golden.update");
        List<Path> files;
        try (Stream<Path> listing = Files.list(GOLDEN)) {
            String only = System.getProperty("sockshell.golden.only", "");
            files = listing.filter(path -> path.toString().endsWith(".out"))
                    .filter(path -> path.getFileName().toString().startsWith(only))
                    .sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            for (int run = 1; run <= runs; run++) {
                String name = file.getFileName() + (runs > 1 ? " #" + run : "");
                tests.add(DynamicTest.dynamicTest(name, file.toUri(),
                        () -> assertTimeoutPreemptively(EACH, () -> check(file, update))));
            }
        }
        return tests.stream();
    }

    private static void check(Path file, boolean update) throws IOException {
        GoldenFile golden = GoldenFile.read(file);
        int threadsBefore = LeftBehind.replayThreads();
        long socketsBefore = LeftBehind.openSockets();
        ReplayRun run = ReplayRun.of(golden.arguments(), "");
        String actual = run.transcript();
        if (update) {
            golden.update(actual);
            return;
        }
        String mismatch = golden.mismatch(actual);
        if (mismatch != null) {
            fail(mismatch);
        }
        assertEquals(threadsBefore, LeftBehind.replayThreads(), "threads left behind by " + file);
        assertEquals(socketsBefore, LeftBehind.openSockets(), "sockets left open by " + file);
    }
}
