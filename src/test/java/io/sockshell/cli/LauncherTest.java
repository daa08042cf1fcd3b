package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (./sockshell, which is also a distribution's bin/sockshell) on a
 * machine of the test's making: fake JDKs (bash scripts that print what they were asked to run,
 * answer -version, and play the class-data steps), a PATH holding only the tools the launcher
 * uses, and the launcher called through symlinks from another folder. Which Java it picks,
 * its one-line refusals (no Java, one too old), where its class-data archives go, and that it
 * finds its jar through a symlink, in a distribution and in a repository.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherTest {
    private static final Path LAUNCHER = Path.of("sockshell");
    private static final List<String> TOOLS = List.of("bash", "readlink", "grep", "mkdir", "mv", "rm", "find");

    @TempDir
    Path folder;

    private Path tools;
    private Path jdks;
    private Path distribution;
    private Path jar;
    private Path home;
    private Path elsewhere;
    private Path link;

    @BeforeEach
    void makeTheMachine() throws IOException {
        tools = Files.createDirectory(folder.resolve("tools"));
        for (String tool : TOOLS) {
            // A script that runs the tool (a link out of the temporary folder would do, but
            // JUnit warns about each one when it cleans up).
            Path wrapper = tools.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec " + locate(tool) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        jdks = Files.createDirectory(folder.resolve("jvm"));
        fakeJdk(jdks.resolve("jdk-11"), "11.0.2", "11.0.2");
        fakeJdk(jdks.resolve("jdk-21"), "21.0.1", "21.0.1");
        fakeJdk(jdks.resolve("jdk-25"), "25.0.1", "25.0.1");
        fakeJdk(jdks.resolve("jdk-17"), "17.0.15", "17.0.15");

        distribution = folder.resolve("sockshell-0.1.0");
        copyLauncher(distribution.resolve("bin/sockshell"));
        jar = distribution.resolve("lib/sockshell.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");

        home = Files.createDirectory(folder.resolve("home"));
        elsewhere = Files.createDirectory(folder.resolve("elsewhere"));
        // A relative link to a relative link, as an install makes them.
        Path installed = Files.createDirectories(home.resolve(".local/share/sockshell/bin")).resolve("sockshell");
        Files.createSymbolicLink(installed, installed.getParent().relativize(distribution.resolve("bin/sockshell")));
        link = Files.createDirectories(home.resolve(".local/bin")).resolve("sockshell");
        Files.createSymbolicLink(link, link.getParent().relativize(installed));
    }

    @Test
    void withoutJavaHomeItRunsTheNewestJdkWithItsJarFoundThroughTheLinks() throws Exception {
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", jdks.toString()), "--version");

        assertEquals(0, ran.exitCode(), ran.toString());
        assertEquals("java 25.0.1 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.2 -XX:+UseSerialGC -jar " + jar + " --version\n", ran.stdout());
        assertEquals("", ran.stderr());
    }

    @Test
    void javaHomeWinsOverANewerJdk() throws Exception {
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", jdks.toString(), "JAVA_HOME", jdks.resolve("jdk-21").toString()),
                "--version");
        assertEquals(0, ran.exitCode(), ran.toString());
        assertTrue(ran.stdout().startsWith("java 21.0.1 "), ran.stdout());
    }

    @Test
    void aJavaHomeTooOldIsRefusedInOneLine() throws Exception {
        Path old = jdks.resolve("jdk-11");
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", jdks.toString(), "JAVA_HOME", old.toString()), "--version");

        assertEquals(1, ran.exitCode());
        assertEquals("sockshell: JAVA_HOME is Java 11.0.2 (" + old + "); sockshell needs Java 17 or newer\n", ran.stderr());
        assertEquals("", ran.stdout());
    }

    @Test
    void aJavaHomeWithoutJavaIsRefusedInOneLine() throws Exception {
        Path nothing = folder.resolve("no-jdk-here");
        Finished ran = launch(Map.of("JAVA_HOME", nothing.toString()), "--version");

        assertEquals(1, ran.exitCode());
        assertEquals("sockshell: JAVA_HOME is " + nothing + ", but there is no " + nothing.resolve("bin/java") + "\n",
                ran.stderr());
    }

    @Test
    void noJavaAnywhereIsOneLine() throws Exception {
        Path empty = Files.createDirectory(folder.resolve("no-jdks"));
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", empty.toString()), "--version");

        assertEquals(1, ran.exitCode());
        assertEquals("sockshell: no Java found: install a JDK 17 or newer, or set JAVA_HOME to one\n", ran.stderr());
        assertEquals("", ran.stdout());
    }

    @Test
    void aJava11OnThePathIsRefusedInOneLine() throws Exception {
        Path java11 = folder.resolve("java-11");
        fakeJdk(java11, null, "11.0.2");
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", "", "PATH", tools + ":" + java11.resolve("bin")), "--version");

        assertEquals(1, ran.exitCode());
        assertEquals("sockshell: the java on the PATH (" + java11.resolve("bin/java") + ") is Java 11.0.2;"
                + " sockshell needs Java 17 or newer: install one, or set JAVA_HOME to one\n", ran.stderr());
        assertEquals("", ran.stdout());
    }

    @Test
    void aJavaOnThePathIsJudgedByTheReleaseOfTheJdkItLinksTo() throws Exception {
        // /usr/bin/java is a link into its JDK: the version comes from that JDK's release file,
        // without starting it (this fake would answer -version with 11).
        Path jdk = folder.resolve("linked-jdk");
        fakeJdk(jdk, "21.0.4", "11.0.2");
        Path usrBin = Files.createDirectory(folder.resolve("usr-bin"));
        Files.createSymbolicLink(usrBin.resolve("java"), jdk.resolve("bin/java"));

        Finished ran = launch(Map.of("SOCKSHELL_JDKS", "", "PATH", tools + ":" + usrBin), "--version");

        assertEquals(0, ran.exitCode(), ran.toString());
        assertTrue(ran.stdout().startsWith("java 11.0.2 "), ran.stdout());
    }

    @Test
    void theRepositoryLauncherFindsItsJarThroughASymlinkFromAnotherFolder() throws Exception {
        Path repository = folder.resolve("repository");
        copyLauncher(repository.resolve("sockshell"));
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repository.resolve("src/main"));
        Path built = repository.resolve("target/sockshell.jar");
        Files.createDirectories(built.getParent());
        Files.writeString(built, "jar");
        FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(repository.resolve("pom.xml"), hourAgo);
        Files.setLastModifiedTime(repository.resolve("src/main"), hourAgo);
        Path shortcut = Files.createDirectories(folder.resolve("shortcuts")).resolve("ss");
        Files.createSymbolicLink(shortcut, shortcut.getParent().relativize(repository.resolve("sockshell")));

        Finished ran = Finished.run(builder(Map.of("SOCKSHELL_JDKS", jdks.toString()), shortcut.toString(), "--version"));

        assertEquals(0, ran.exitCode(), ran.toString());
        assertEquals("java 25.0.1 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.2 -XX:+UseSerialGC -jar " + built + " --version\n", ran.stdout());
    }

    @Test
    void classDataArchivesGoToTheUsersCacheNeverBesideTheJar() throws Exception {
        Map<String, String> environment = Map.of("SOCKSHELL_JDKS", jdks.toString());
        Path cache = home.resolve(".cache/sockshell");

        Finished first = launch(environment, "replay", "program.jsh");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().contains(" -XX:DumpLoadedClassList=" + cache + "/replay-"), first.stdout());
        Path archive;
        try (Stream<Path> archives = Files.list(cache)) {
            archive = archives.toList().get(0);
        }
        assertTrue(archive.getFileName().toString().endsWith(".jsa"), archive.toString());

        Finished second = launch(environment, "replay", "program.jsh");
        assertTrue(second.stdout().startsWith("java 25.0.1 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.2 -XX:+UseSerialGC -XX:SharedArchiveFile="
                + archive + " "), second.stdout());
        try (Stream<Path> lib = Files.list(jar.getParent())) {
            assertEquals(List.of(jar), lib.toList(), "nothing is written beside the jar");
        }

        Path xdg = folder.resolve("xdg-cache");
        Finished elsewhereCached = launch(Map.of("SOCKSHELL_JDKS", jdks.toString(), "XDG_CACHE_HOME", xdg.toString()),
                "replay", "program.jsh");
        assertTrue(elsewhereCached.stdout().contains(" -XX:DumpLoadedClassList=" + xdg.resolve("sockshell") + "/replay-"),
                elsewhereCached.stdout());
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheArchive() throws Exception {
        Path notAFolder = folder.resolve("cache-file");
        Files.writeString(notAFolder, "");
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", jdks.toString(), "XDG_CACHE_HOME", notAFolder.toString()),
                "replay", "program.jsh");

        assertEquals(0, ran.exitCode(), ran.toString());
        assertEquals("java 25.0.1 -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.2 -XX:+UseSerialGC -jar " + jar + " replay program.jsh\n",
                ran.stdout());
        assertEquals("", ran.stderr());
    }

    @Test
    void aDistributionWithoutItsJarSaysSoInOneLine() throws Exception {
        Files.delete(jar);
        Finished ran = launch(Map.of("SOCKSHELL_JDKS", jdks.toString()), "--version");

        assertEquals(1, ran.exitCode());
        assertEquals("sockshell: " + jar + " is missing: unpack or install sockshell again\n", ran.stderr());
    }

    /** Runs the launcher through the link, from another folder, with only {@code environment}, HOME and PATH. */
    private Finished launch(Map<String, String> environment, String... arguments) throws Exception {
        String[] command = Stream.concat(Stream.of(link.toString()), Stream.of(arguments)).toArray(String[]::new);
        return Finished.run(builder(environment, command));
    }

    private ProcessBuilder builder(Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * A JDK whose bin/java is a bash script: {@code release} is the version its release file
     * gives (none without), {@code answers} the one it prints for -version and when it runs.
     */
    private static void fakeJdk(Path jdkHome, String release, String answers) throws IOException {
        Path java = jdkHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, String.join("\n",
                "#!" + locate("bash"),
                "version=" + answers,
                "for arg in \"$@\"; do",
                "  case \"$arg\" in",
                "    -version) echo \"openjdk version \\\"$version\\\" 2099-01-01\" >&2; exit 0 ;;",
                "    -XX:DumpLoadedClassList=*) echo jdk/jshell/JShell > \"${arg#*=}\" ;;",
                "    -XX:SharedArchiveFile=*) archive=\"${arg#*=}\" ;;",
                "    -Xshare:dump) dumping=1 ;;",
                "  esac",
                "done",
                "if [ -n \"${dumping:-}\" ]; then echo archive > \"$archive\"; exit 0; fi",
                "echo \"java $version $*\"",
                ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) {
            Files.writeString(jdkHome.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_RUNTIME_VERSION=\"" + release
                    + "+1\"\nJAVA_VERSION=\"" + release + "\"\nOS_NAME=\"Linux\"\n");
        }
    }

    private static void copyLauncher(Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(LAUNCHER, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path locate(String tool) {
        for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("the launcher needs " + tool + ", which is not installed");
    }
}
