package io.sockshell.py;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code import io.sockshell.py.*} gives a learner, read from the sources: the facade and
 * nothing of the runtime or the conductor (which packages each may use is LayeringTest's).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PyPackagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract )?(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);

    @Test
    void aLearnersImportOfTheFacadeBringsOnlyTheFacade() throws IOException {
        assertEquals(List.of("AcceptedPair", "BlockingIOError", "ConnectionError", "FileNotFoundError",
                "KeyboardInterrupt", "OSError", "PyException", "PyFile", "PyPoll", "PySocket", "PyWriter", "Python", "TimeoutError",
                "ValueError"), List.copyOf(publicTypes("io.sockshell.py")));
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
