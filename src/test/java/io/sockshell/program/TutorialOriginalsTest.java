package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import io.sockshell.support.PythonRuntime;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The program transcripts of the tutorial's programs, run again with the originals under
 * Python 2 in place of the Python 3 ports: the same steps must print the same, so the ports
 * behave as the tutorial's programs do. Skipped, saying why, where Python 2 or the originals
 * are missing.
 */
class TutorialOriginalsTest {
    private static final List<String> TRANSCRIPTS = List.of("program-tms.t", "program-tmc.t", "program-wps.t",
            "program-strsvr.t");

    @TestFactory
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    Stream<DynamicTest> theOriginalsPassTheProgramTranscripts() {
        Optional<PythonRuntime> python2 = PythonRuntime.python2();
        if (python2.isEmpty()) {
            System.out.println("TutorialOriginalsTest skipped: " + PythonRuntime.whyNoPython2());
        }
        Assumptions.assumeTrue(python2.isPresent(), PythonRuntime::whyNoPython2);
        String interpreter = String.join(" ", python2.get().command());
        String originals = python2.get().programs().toAbsolutePath().toString();
        TranscriptRunner runner = new TranscriptRunner(Parties.all(), TranscriptRunner.DEFAULT_STEP_SECONDS);
        return TRANSCRIPTS.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path file = Path.of("transcripts", name);
            String text = Files.readString(file).replace("python3 " + PythonRuntime.PORTS + "/",
                    interpreter + " " + originals + "/");
            assertTrue(text.contains(originals), name + " runs no tutorial program");
            TranscriptResult result = runner.run(Transcript.parse(file, text));
            assertTrue(result.passed(), () -> name + " with the originals under Python 2:\n" + result.failureReport());
        }));
    }
}
