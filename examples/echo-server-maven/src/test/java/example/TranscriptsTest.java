package example;

import io.sockshell.junit.TranscriptTests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every transcript in src/test/transcripts is a test of its own, run on real sockets. */
class TranscriptsTest {
    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return TranscriptTests.in(Path.of("src/test/transcripts"));
    }
}
