package io.sockshell.engine.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Main;
import io.sockshell.support.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The posix backend is chosen by the JDK that runs sockshell, and a JDK that cannot run it never
 * loads one of its classes (compiled for Java 22): checked on the classes under test with a JDK
 * of each kind, the one running the tests or one installed beside it (/usr/lib/jvm).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PosixBackendProviderTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
    private static final Path COMPILED = Path.of("target", "classes", "io", "sockshell", "engine", "posix", "PosixBackend.class");

    @Test
    void onAJdkBefore22TheShellUsesNioAndLoadsNoClassOfThePosixBackend() throws Exception {
        Path java = javaOf(feature -> feature < PosixBackendProvider.FIRST_JDK);
        List<String> out = versionWithClassLoading(java);
        assertTrue(out.stream().anyMatch(line -> line.startsWith("backend: nio (posix needs JDK 22+, this is JDK ")),
                () -> String.join("\n", out));
        List<String> posixClasses = out.stream()
                .filter(line -> line.contains("io.sockshell.engine.posix.") && line.contains("source:"))
                .map(line -> line.replaceAll(".*(io\\.sockshell\\.engine\\.posix\\.\\S+).*", "$1"))
                .toList();
        assertEquals(List.of(PosixBackendProvider.class.getName()), posixClasses);
    }

    @Test
    void onAJdk22OrLaterOnLinuxTheShellUsesPosix() throws Exception {
        Assumptions.assumeTrue(Files.exists(COMPILED), "this build has no posix backend (no JDK 22+ compiled it)");
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "posix runs on Linux");
        Path java = javaOf(feature -> feature >= PosixBackendProvider.FIRST_JDK);
        List<String> out = versionWithClassLoading(java);
        assertTrue(out.stream().anyMatch(line -> line.matches("backend: posix \\(JDK \\d+, Linux\\)")),
                () -> String.join("\n", out));
    }

    /** {@code sockshell --version} on {@code java}, with every class it loads listed. */
    private static List<String> versionWithClassLoading(Path java) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xlog:class+load=info"));
        if (featureOf(java.getParent().getParent()) >= PosixBackendProvider.FIRST_JDK) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--version"));
        JavaProcess process = JavaProcess.start(command);
        try {
            assertEquals(0, process.exitCode(BOUND), () -> process.stderr().text());
            return process.stdout().awaitClosed(BOUND).lines().toList();
        } finally {
            process.close();
        }
    }

    /** The java of the running JDK if its version fits, else of a JDK installed beside it that fits. */
    private static Path javaOf(java.util.function.IntPredicate fits) throws IOException {
        Path running = Path.of(System.getProperty("java.home"));
        if (fits.test(Runtime.version().feature())) {
            return running.resolve("bin").resolve("java");
        }
        Path installed = Path.of("/usr/lib/jvm");
        Optional<Path> other = Optional.empty();
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                other = homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                        .filter(home -> fits.test(featureOf(home)))
                        .max(Comparator.comparingInt(PosixBackendProviderTest::featureOf));
            }
        }
        Assumptions.assumeTrue(other.isPresent(), "no JDK of that version here");
        return other.get().resolve("bin").resolve("java");
    }

    private static int featureOf(Path home) {
        try {
            Matcher found = VERSION.matcher(Files.readString(home.resolve("release")));
            return found.find() ? Integer.parseInt(found.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
