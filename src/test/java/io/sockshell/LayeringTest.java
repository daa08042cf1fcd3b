package io.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dependency rules of the architecture, read from the sources: the engine knows only the
 * JDK's java.* packages and itself; only the repl package knows JLine; only the replay package
 * knows jdk.jshell; only the junit package knows JUnit; the transcript core knows no other
 * sockshell package (its shell adapter is beside it). Between sockshell's own packages, every
 * dependency runs down the layers of {@link #LAYERS}, so no cycle can form and a new package
 * has to say where it stands.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LayeringTest {
    /**
     * Each package's layer: a package may use only packages of a lower layer. The engine's API
     * is at the bottom and its implementations just above it (so the API can never name one),
     * beside the programs a session starts (a kind of holding the engine's socket table keeps);
     * the conversation model is at the bottom too, knowing nothing, with the recording of calls
     * (on the engine) and the diagrams (on the model) above it;
     * the Python facade and the shell's commands sit on the engine; the session runs commands;
     * the drivers (repl, replay, the transcript's shell adapter) sit on the session or the
     * facade; cli and junit, the entry points, are on top.
     */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("io.sockshell.engine", 0),
            Map.entry("io.sockshell.transcript", 0),
            Map.entry("io.sockshell.conversation", 0),
            Map.entry("io.sockshell.engine.nio", 1),
            Map.entry("io.sockshell.recording", 1),
            Map.entry("io.sockshell.diagram", 1),
            Map.entry("io.sockshell.engine.posix", 1),
            Map.entry("io.sockshell.kernel", 1),
            Map.entry("io.sockshell.py.spi", 1),
            Map.entry("io.sockshell.program", 2),
            Map.entry("io.sockshell.link", 2),
            Map.entry("io.sockshell.py", 3),
            Map.entry("io.sockshell.py.runtime", 3),
            Map.entry("io.sockshell.command", 3),
            Map.entry("io.sockshell.py.conductor", 4),
            Map.entry("io.sockshell.session", 4),
            Map.entry("io.sockshell.replay", 5),
            Map.entry("io.sockshell.repl", 5),
            Map.entry("io.sockshell.transcript.shell", 5),
            Map.entry("io.sockshell.export", 5),
            Map.entry("io.sockshell.cli", 6),
            Map.entry("io.sockshell.junit", 7));
    /** Uses the layers allow that are still wrong: the session serves transcripts and replays, it never calls them. */
    private static final Map<String, Set<String>> NEVER = Map.of(
            "io.sockshell.session", Set.of("io.sockshell.transcript"));
    /** A reference to a sockshell class, as an import or written out in the code: its package is group 1. */
    private static final Pattern SOCKSHELL_CLASS = Pattern.compile("\\bio\\.sockshell((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])'", Pattern.DOTALL);
    private static final Path SOURCES = Path.of("src", "main", "java");
    /** The code compiled for Java 22 (the posix backend): the same rules hold there. */
    private static final Path SOURCES_22 = Path.of("src", "main", "java22");
    private static final Path ENGINE = SOURCES.resolve("io/sockshell/engine");
    private static final Path ENGINE_22 = SOURCES_22.resolve("io/sockshell/engine");
    private static final Path TRANSCRIPT_CORE = SOURCES.resolve("io/sockshell/transcript");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    /** A sockshell class outside the transcript core: a class of the core is io.sockshell.transcript.Name. */
    private static final Predicate<String> OUTSIDE_TRANSCRIPT_CORE = name -> name.startsWith("io.sockshell.")
            && !name.matches("io\\.sockshell\\.transcript\\.[A-Z].*");

    @Test
    void theEngineImportsOnlyJavaAndItself() {
        assertEquals(List.of(), importsWhere(path -> path.startsWith(ENGINE) || path.startsWith(ENGINE_22),
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
    void everyPackageHasALayer() {
        Set<String> unplaced = new TreeSet<>(packageUses().keySet());
        unplaced.removeAll(LAYERS.keySet());
        assertEquals(Set.of(), unplaced, "add each new package to LayeringTest.LAYERS, below what uses it");
    }

    @Test
    void everyUseBetweenPackagesRunsDownTheLayers() {
        List<String> wrong = new ArrayList<>();
        packageUses().forEach((user, used) -> {
            for (String target : used) {
                Integer from = LAYERS.get(user);
                Integer to = LAYERS.get(target);
                if (from != null && to != null && to >= from) {
                    wrong.add(user + " (layer " + from + ") uses " + target + " (layer " + to + ")");
                }
                if (NEVER.getOrDefault(user, Set.of()).contains(target)) {
                    wrong.add(user + " uses " + target + ", which it must never do");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRulesSeeTheSources() {
        assertTrue(packageUses().getOrDefault("io.sockshell.py.conductor", Set.of()).contains("io.sockshell.py.runtime"),
                "the conductor's use of the runtime is not seen");
        assertTrue(packageUses().getOrDefault("io.sockshell.engine.nio", Set.of()).contains("io.sockshell.engine"),
                "the NIO backend's use of the engine API is not seen");
        assertFalse(importsWhere(path -> path.startsWith(ENGINE_22), name -> name.startsWith("java.lang.foreign.")).isEmpty(),
                "the posix backend's Java 22 sources are not seen");
        assertFalse(importsWhere(path -> path.startsWith(SOURCES.resolve("io/sockshell/repl")),
                name -> name.startsWith("org.jline.")).isEmpty(), "no JLine import found where one must be");
        assertFalse(importsWhere(path -> path.startsWith(SOURCES.resolve("io/sockshell/junit")),
                name -> name.startsWith("org.junit.")).isEmpty(), "no JUnit import found where one must be");
        assertFalse(importsWhere(path -> path.getParent().equals(TRANSCRIPT_CORE.resolve("shell")),
                OUTSIDE_TRANSCRIPT_CORE).isEmpty(), "the shell adapter's imports of the session are not seen");
    }

    /** For each package, the other sockshell packages its code uses (comments and strings left out). */
    private static Map<String, Set<String>> packageUses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = sourceFiles()) {
            for (Path file : files.toList()) {
                String code = COMMENT_OR_STRING.matcher(Files.readString(file)).replaceAll(" ");
                Matcher declared = PACKAGE.matcher(code);
                if (!declared.find()) {
                    continue;
                }
                String own = declared.group(1);
                Set<String> used = uses.computeIfAbsent(own, unused -> new TreeSet<>());
                SOCKSHELL_CLASS.matcher(code).results()
                        .map(found -> "io.sockshell" + found.group(1))
                        .filter(target -> !target.equals(own))
                        .forEach(used::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** "file: import" for each import of {@code name} in a source file {@code inFile} accepts. */
    private static List<String> importsWhere(Predicate<Path> inFile, Predicate<String> name) {
        try (Stream<Path> files = sourceFiles()) {
            return files.filter(inFile)
                    .flatMap(file -> imports(file).stream().filter(name).map(found -> file + ": " + found))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every main source file, in both source folders. */
    private static Stream<Path> sourceFiles() throws IOException {
        return Stream.concat(Files.walk(SOURCES), Files.exists(SOURCES_22) ? Files.walk(SOURCES_22) : Stream.empty())
                .filter(file -> file.toString().endsWith(".java"));
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
