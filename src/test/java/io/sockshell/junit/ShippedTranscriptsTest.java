package io.sockshell.junit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every transcript under transcripts/ is a test of its own; a malformed or orphaned file fails.
 * It is run the way a user's project runs its own: with the defaults, which must know every
 * party kind the shipped transcripts declare.
 */
class ShippedTranscriptsTest {
    @TestFactory
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    Stream<DynamicTest> transcripts() throws IOException {
        return TranscriptTests.in(Path.of("transcripts"));
    }
}
