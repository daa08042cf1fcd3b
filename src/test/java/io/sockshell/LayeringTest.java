package io.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the architecture, read from the sources' imports: the engine knows
 * only the JDK's java.* packages and itself; only the repl package knows JLine; only the
 * replay package knows jdk.jshell; only the junit package knows JUnit; the transcript core
 * knows no other sockshell package (its shell adapter is beside it).
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path ENGINE = SOURCES.resolve("io/sockshell/engine");
    private static final Path TRANSCRIPT_CORE = SOURCES.resolve("io/sockshell/transcript");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    /** A sockshell class outside the transcript core: a class of the core is io.sockshell.transcript.Name. */
    private static final Predicate<String> OUTSIDE_TRANSCRIPT_CORE = name -> name.startsWith("io.sockshell.")
            && !name.matches("io\\.sockshell\\.transcript\\.[A-Z].*");

    @Test
    void theEngineImportsOnlyJavaAndItself() {
        assertEquals(List.of(), importsWhere(path -> path.startsWith(ENGINE),
                name -> !name.startsWith("java.") && !name.startsWith("io.sockshell.engine.")));
    }

    @Test
    void onlyTheReplPackageImportsJline() {
        assertEquals(List.of(), importsWhere(path -> !path.startsWith(SOURCES.resolve("io/sockshell/repl")),
                name -> name.startsWith("org.jline.")));
    }

    @Test
    void onlyTheReplayPackageImportsJshell() {
        assertEquals(List.of(), importsWhere(path -> !path.startsWith(SOURCES.resolve("io/sockshell/replay")),
                name -> name.startsWith("jdk.jshell")));
    }

    @Test
    void onlyTheJunitPackageImportsJunit() {
        assertEquals(List.of(), importsWhere(path -> !path.startsWith(SOURCES.resolve("io/sockshell/junit")),
                name -> name.startsWith("org.junit.") || name.startsWith("org.opentest4j.")));
    }

    /** Its own classes only: not even the shell adapter in the package below it. */
    @Test
    void theTranscriptCoreImportsNoOtherSockshellPackage() {
        assertEquals(List.of(), importsWhere(path -> path.getParent().equals(TRANSCRIPT_CORE), OUTSIDE_TRANSCRIPT_CORE));
    }

    @Test
    void theRulesSeeTheSources() {
        assertFalse(importsWhere(path -> path.startsWith(SOURCES.resolve("io/sockshell/repl")),
                name -> name.startsWith("org.jline.")).isEmpty(), "no JLine import found where one must be");
        assertFalse(importsWhere(path -> path.startsWith(SOURCES.resolve("io/sockshell/junit")),
                name -> name.startsWith("org.junit.")).isEmpty(), "no JUnit import found where one must be");
        assertFalse(importsWhere(path -> path.getParent().equals(TRANSCRIPT_CORE.resolve("shell")),
                OUTSIDE_TRANSCRIPT_CORE).isEmpty(), "the shell adapter's imports of the session are not seen");
    }

    /** "file: import" for each import of {@code name} in a source file {@code inFile} accepts. */
    private static List<String> importsWhere(Predicate<Path> inFile, Predicate<String> name) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).filter(inFile)
                    .flatMap(file -> imports(file).stream().filter(name).map(found -> file + ": " + found))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> imports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            return m.results().map(result -> result.group(1)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
