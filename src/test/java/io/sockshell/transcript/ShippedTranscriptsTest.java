package io.sockshell.transcript;

import io.sockshell.cli.Parties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** Every transcript under transcripts/ is a test of its own; a malformed or orphaned file fails. */
class ShippedTranscriptsTest {
    @TestFactory
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    Stream<DynamicTest> transcripts() throws IOException {
        return TranscriptTests.in(Path.of("transcripts"), TranscriptRunner.DEFAULT_STEP_SECONDS, Parties.all());
    }
}
