package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import io.sockshell.support.PythonRuntime;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.File;
import java.io.IOException;
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
    Stream<DynamicTest> theOriginalsPassTheProgramTranscripts() throws IOException {
        Optional<PythonRuntime> python2 = PythonRuntime.python2();
        if (python2.isEmpty()) {
            System.out.println("TutorialOriginalsTest skipped: " + PythonRuntime.whyNoPython2());
        }
        Assumptions.assumeTrue(python2.isPresent(), PythonRuntime::whyNoPython2);
        Path shortcuts = shortcuts(python2.get());
        String interpreter = shortcuts.resolve("python").toString();
        String originals = shortcuts.resolve("programs").toString();
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

    /**
     * target/py2, holding links to the interpreter and the originals' folder: the transcripts'
     * commands stay as short as with the ports, so sockets lays their rows out the same way
     * within its 80 columns (pyenv's interpreter path alone is 40 characters).
     */
    private static Path shortcuts(PythonRuntime python2) throws IOException {
        Assumptions.assumeTrue(python2.command().size() == 1, () -> "the interpreter is not one command: " + python2.command());
        Path folder = Path.of("target", "py2");
        Files.createDirectories(folder);
        link(folder.resolve("python"), Path.of(python2.command().get(0)));
        link(folder.resolve("programs"), python2.programs());
        return folder;
    }

    private static void link(Path link, Path target) throws IOException {
        Path absolute = target.isAbsolute() || target.getNameCount() > 1 ? target.toAbsolutePath() : findOnPath(target);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, absolute);
    }

    private static Path findOnPath(Path command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder).resolve(command);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return command;
    }
}
