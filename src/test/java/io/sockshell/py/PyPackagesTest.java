package io.sockshell.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Python packages' rooms, read from the sources: what {@code import io.sockshell.py.*}
 * gives a learner, and which sockshell packages each Python package may import, so that the
 * facade stays apart from the runtime and the conductor (conductor, then runtime, then the SPI
 * the facade calls through; nothing the other way).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PyPackagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract )?(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);
    private static final Pattern SOCKSHELL_IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(io\\.sockshell\\.[a-z.]*[a-z])\\.[A-Z]", Pattern.MULTILINE);

    /** Each Python package and the sockshell packages it may import. */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.of(
            "io.sockshell.py", Set.of("io.sockshell.engine", "io.sockshell.py.spi"),
            "io.sockshell.py.spi", Set.of("io.sockshell.engine"),
            "io.sockshell.py.runtime", Set.of("io.sockshell.engine", "io.sockshell.py.spi"),
            "io.sockshell.py.conductor", Set.of("io.sockshell.engine", "io.sockshell.py.spi", "io.sockshell.py.runtime"));

    @Test
    void aLearnersImportOfTheFacadeBringsOnlyTheFacade() throws IOException {
        assertEquals(List.of("AcceptedPair", "BlockingIOError", "ConnectionError", "KeyboardInterrupt", "OSError",
                "PyException", "PyFile", "PyPoll", "PySocket", "PyWriter", "Python", "Ready", "TimeoutError",
                "ValueError"), List.copyOf(publicTypes("io.sockshell.py")));
    }

    @Test
    void eachPythonPackageImportsOnlyWhatItBuildsOn() throws IOException {
        Map<String, Set<String>> beyond = new TreeMap<>();
        for (Map.Entry<String, Set<String>> rule : MAY_IMPORT.entrySet()) {
            Set<String> imported = sockshellImports(rule.getKey());
            imported.remove(rule.getKey());
            imported.removeAll(rule.getValue());
            if (!imported.isEmpty()) {
                beyond.put(rule.getKey(), imported);
            }
        }
        assertEquals(Map.of(), beyond);
    }

    @Test
    void theRulesSeeTheSources() throws IOException {
        assertTrue(sockshellImports("io.sockshell.py.conductor").contains("io.sockshell.py.runtime"),
                "no import of the runtime found in the conductor, where there is one");
    }

    private static Set<String> publicTypes(String packageName) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String source : sources(packageName)) {
            Matcher type = PUBLIC_TYPE.matcher(source);
            while (type.find()) {
                names.add(type.group(1));
            }
        }
        return names;
    }

    /** The sockshell packages the package's sources import from. */
    private static Set<String> sockshellImports(String packageName) throws IOException {
        Set<String> packages = new TreeSet<>();
        for (String source : sources(packageName)) {
            SOCKSHELL_IMPORT.matcher(source).results().forEach(found -> packages.add(found.group(1)));
        }
        return packages;
    }

    /** The text of each source file of the package itself, not of the packages below it. */
    private static List<String> sources(String packageName) throws IOException {
        Path folder = SOURCES.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sourceFiles = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            List<String> texts = new ArrayList<>();
            for (Path file : sourceFiles) {
                texts.add(Files.readString(file));
            }
            return texts;
        }
    }
}
