package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Finished;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it, run by {@code ./mvnw -Pdist verify} once the archives are
 * built: unpacked in a fresh HOME with nothing but a JDK (JAVA_HOME unset, the system's PATH),
 * bin/sockshell run through a symlink from another folder (--version, a script on loopback, a
 * replay), its completion script completing in bash, its man pages, and install, reinstall,
 * uninstall, and a read-only prefix refused.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT {
    private static final String VERSION = VersionProvider.version();
    private static final Path ARCHIVE = Path.of(System.getProperty("sockshell.archive",
            "target/sockshell-" + VERSION + ".tar.gz"));
    private static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    @TempDir
    static Path root;

    private static Path distribution;
    private static Path link;
    private static Path elsewhere;

    @BeforeAll
    static void unpackTheArchive() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), ARCHIVE + " is missing: build it with ./mvnw -Pdist package");
        // Readable by everyone: one test runs it as another user.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path unpacked = Files.createDirectory(root.resolve("unpacked"));
        Finished tar = Finished.run(new ProcessBuilder("tar", "-xzf", ARCHIVE.toAbsolutePath().toString(),
                "-C", unpacked.toString()));
        assertEquals(0, tar.exitCode(), tar.toString());
        distribution = unpacked.resolve("sockshell-" + VERSION);
        link = Files.createDirectories(root.resolve("links")).resolve("sockshell");
        Files.createSymbolicLink(link, distribution.resolve("bin/sockshell"));
        elsewhere = Files.createDirectory(root.resolve("elsewhere"));
    }

    @Test
    void theTarAndTheZipHoldTheSameFilesWithAManPageForEveryCommand() throws Exception {
        Finished tar = Finished.run(new ProcessBuilder("tar", "-tzf", ARCHIVE.toAbsolutePath().toString()));
        TreeSet<String> inTar = new TreeSet<>(tar.stdout().lines().filter(name -> !name.endsWith("/")).toList());
        TreeSet<String> inZip = new TreeSet<>();
        Path zip = Path.of(ARCHIVE.toString().replaceFirst("\\.tar\\.gz$", ".zip"));
        try (FileSystem zipped = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path top = zipped.getPath("/");
            try (Stream<Path> entries = Files.walk(top)) {
                entries.filter(Files::isRegularFile).forEach(entry -> inZip.add(top.relativize(entry).toString()));
            }
            assertTrue(Files.getPosixFilePermissions(zipped.getPath("sockshell-" + VERSION, "bin", "sockshell"))
                    .contains(PosixFilePermission.OWNER_EXECUTE), "the zip's launcher is executable");
        }
        assertEquals(inTar, inZip);

        String base = "sockshell-" + VERSION + "/";
        List<String> expected = new ArrayList<>(List.of("bin/sockshell", "lib/sockshell.jar",
                "completion/sockshell_completion", "man/man1/sockshell.1", "README.md", "docs/commands.md"));
        Main.commandLine().getSubcommands().keySet().forEach(command -> expected.add("man/man1/sockshell-" + command + ".1"));
        for (String file : expected) {
            assertTrue(inTar.contains(base + file), file + " is not in the archive: " + inTar);
        }
        assertTrue(Files.isExecutable(distribution.resolve("bin/sockshell")));
    }

    @Test
    void runsThroughASymlinkFromAnotherFolderAndSaysWhatItIs() throws Exception {
        Finished ran = sockshell(freshHome("version"), "", "--version");

        assertEquals(0, ran.exitCode(), ran.toString());
        List<String> lines = ran.stdout().lines().toList();
        assertEquals("sockshell " + VERSION, lines.get(0));
        assertTrue(lines.get(1).matches("commit ([0-9a-f]{7,}(-dirty)?|unknown)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Java "), lines.get(2));
        assertEquals("", ran.stderr());
    }

    @Test
    void runsAScriptOnLoopback() throws Exception {
        Finished ran = sockshell(freshHome("script"), String.join("\n", "socket s", "bind s 127.0.0.1 0", "listen s 1",
                "socket c", "connect c 127.0.0.1 s.port", "accept s conn", "send c \"hi\"", "recv conn 10",
                "close c conn s", ""));

        assertEquals(0, ran.exitCode(), ran.toString());
        List<String> lines = ran.stdout().lines().toList();
        assertEquals(3, lines.size(), ran.stdout());
        assertTrue(lines.get(0).matches("\\('127\\.0\\.0\\.1', \\d+\\)"), lines.get(0));
        assertEquals(List.of("2", "b'hi'"), lines.subList(1, 3));
        assertEquals("", ran.stderr());
    }

    @Test
    void aReplayWritesItsClassDataArchiveToTheUsersCacheNotBesideTheJar() throws Exception {
        Path home = freshHome("replay");
        Finished ran = sockshell(home, "", "replay", distribution.resolve("jshell-scripts/sendall.jsh").toString());

        assertEquals(0, ran.exitCode(), ran.toString());
        try (Stream<Path> cache = Files.list(home.resolve(".cache/sockshell"))) {
            List<Path> archives = cache.toList();
            assertEquals(1, archives.size(), archives.toString());
            assertTrue(archives.get(0).getFileName().toString().startsWith("replay-"), archives.toString());
        }
        try (Stream<Path> lib = Files.list(distribution.resolve("lib"))) {
            assertEquals(List.of(distribution.resolve("lib/sockshell.jar")), lib.toList());
        }
    }

    @Test
    void theShippedCompletionScriptCompletesInBash() throws Exception {
        Path files = Files.createDirectories(root.resolve("completion-work"));
        Files.writeString(files.resolve("echo.t"), "");
        BashCompletion bash = new BashCompletion(distribution.resolve("completion/sockshell_completion"), files);

        assertEquals(Set.of("install"), bash.candidates("sockshell ins"));
        assertEquals(Set.of("echo.t"), bash.candidates("sockshell check "));
        assertEquals(Set.of("--prefix"), bash.candidates("sockshell uninstall --p"));
    }

    @Test
    void eachManPageIsTroffWithANameSection() throws IOException {
        try (Stream<Path> pages = Files.list(distribution.resolve("man/man1"))) {
            for (Path page : pages.toList()) {
                String name = page.getFileName().toString().replaceFirst("\\.1$", "");
                String text = Files.readString(page);
                assertTrue(text.contains(".TH \"" + name.toUpperCase().replace("-", "\\-") + "\" \"1\" "), page + ":\n" + text);
                assertTrue(text.contains(".SH \"NAME\"\n" + name + " \\- "), page + ":\n" + text);
                assertTrue(text.contains(".SH \"SYNOPSIS\""), page + ":\n" + text);
            }
        }
    }

    @Test
    void installsUnderTheHomeRunsFromThereAndUninstallsLeavingTheHomeAsItWas() throws Exception {
        Path home = freshHome("install");
        List<String> before = listing(home);
        Path local = home.resolve(".local");

        Finished installed = sockshell(home, "", "install");
        assertEquals(0, installed.exitCode(), installed.toString());
        assertTrue(installed.stdout().startsWith("Installed sockshell " + VERSION + " in " + local + ".\n"),
                installed.stdout());

        Path command = local.resolve("bin/sockshell");
        Finished version = run(home, "", command.toString(), "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(version.stdout().startsWith("sockshell " + VERSION + "\n"), version.stdout());
        assertTrue(Files.isRegularFile(local.resolve("share/man/man1/sockshell.1")), "man finds the page");
        assertTrue(Files.isRegularFile(local.resolve("share/bash-completion/completions/sockshell")));

        Finished again = run(home, "", command.toString(), "install");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stdout().startsWith("Installed sockshell " + VERSION + " in " + local + " (replacing " + VERSION
                + ").\n"), again.stdout());
        assertEquals(0, run(home, "", command.toString(), "--version").exitCode());

        Finished removed = run(home, "", command.toString(), "uninstall");
        assertEquals(0, removed.exitCode(), removed.toString());
        assertEquals("Removed sockshell " + VERSION + " from " + local + ".\n", removed.stdout());
        assertFalse(Files.exists(local, LinkOption.NOFOLLOW_LINKS));
        assertEquals(before, listing(home));
    }

    @Test
    void aReadOnlyPrefixIsRefusedInOneLineAndKeptAsItWas() throws Exception {
        Path prefix = Files.createDirectory(root.resolve("read-only"));
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("r-xr-xr-x"));
        List<String> command = new ArrayList<>();
        if ((Integer) Files.getAttribute(prefix, "unix:uid") == 0) {
            // Permissions do not stop root: install as nobody.
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(link.toString(), "install", "--prefix", prefix.toString()));

        Finished ran = run(root.resolve("elsewhere"), "", command.toArray(String[]::new));

        assertEquals(1, ran.exitCode(), ran.toString());
        assertEquals("sockshell install: cannot install in " + prefix + ": " + prefix.resolve("share")
                + ": Permission denied\n", ran.stderr());
        assertEquals("", ran.stdout());
        try (Stream<Path> left = Files.list(prefix)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void uninstallWhereNothingIsInstalledIsOneLine() throws Exception {
        Path nothing = Files.createDirectory(root.resolve("nothing-installed"));
        Finished ran = sockshell(freshHome("uninstall"), "", "uninstall", "--prefix", nothing.toString());

        assertEquals(1, ran.exitCode());
        assertEquals(1, ran.stderr().lines().count(), ran.stderr());
        assertTrue(ran.stderr().startsWith("sockshell uninstall: sockshell is not installed in " + nothing), ran.stderr());
    }

    private static Path freshHome(String name) throws IOException {
        return Files.createDirectory(root.resolve("home-" + name));
    }

    /** The unpacked bin/sockshell, through a symlink, from another folder, with {@code input} on stdin. */
    private static Finished sockshell(Path home, String input, String... arguments) throws Exception {
        String[] command = Stream.concat(Stream.of(link.toString()), Stream.of(arguments)).toArray(String[]::new);
        return run(home, input, command);
    }

    /** Runs {@code command} in {@code elsewhere} with only HOME, the system's PATH and a dumb terminal. */
    private static Finished run(Path home, String input, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("HOME", home.toString(), "PATH", SYSTEM_PATH, "TERM", "dumb"));
        return Finished.run(builder, input);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }
}
