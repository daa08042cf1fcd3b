package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * install and uninstall on a small distribution of their own (the real one is installed by
 * DistributionIT): what lands under the prefix, replacing an older installation, removing
 * exactly what was put there, and bad input (nothing installed, a file in the way, a prefix
 * that cannot be written), each a one-line message and exit status 1 with the prefix as it
 * was. A read-only prefix needs a user whom the permissions stop (not root), so DistributionIT
 * runs that case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InstallationTest {
    @TempDir
    Path folder;

    private Path distribution;
    private Path prefix;

    private record Ran(int status, String out, String err) {
    }

    @BeforeEach
    void makeADistribution() throws IOException {
        distribution = folder.resolve("sockshell-dist");
        write(distribution.resolve("bin/sockshell"), "#!/bin/sh\necho launcher\n");
        Files.setPosixFilePermissions(distribution.resolve("bin/sockshell"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(distribution.resolve("lib/sockshell.jar"), "jar");
        write(distribution.resolve("man/man1/sockshell.1"), ".TH sockshell");
        write(distribution.resolve("man/man1/sockshell-run.1"), ".TH sockshell-run");
        write(distribution.resolve("completion/sockshell_completion"), "complete -F _complete_sockshell sockshell");
        write(distribution.resolve("README.md"), "# sockshell");
        prefix = folder.resolve("prefix");
    }

    private Ran install(Path from, String... arguments) {
        return run(new CommandLine(new InstallCommand(Optional.of(from))), arguments);
    }

    private static Ran uninstall(String... arguments) {
        String[] all = Stream.concat(Stream.of("uninstall"), Stream.of(arguments)).toArray(String[]::new);
        return run(Main.commandLine(), all);
    }

    private static Ran run(CommandLine line, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments);
        return new Ran(status, out.toString(), err.toString());
    }

    @Test
    void installCopiesTheDistributionAndLinksItWhereShellsManAndCompletionLook() throws IOException {
        Ran ran = install(distribution, "--prefix", prefix.toString());

        assertEquals(0, ran.status(), ran.err());
        assertTrue(ran.out().startsWith("Installed sockshell " + VersionProvider.version() + " in " + prefix + ".\n"), ran.out());
        assertTrue(ran.out().contains("export PATH=\"" + prefix.resolve("bin") + ":$PATH\""), ran.out());
        assertTrue(ran.out().contains("source " + prefix.resolve("share/bash-completion/completions/sockshell")), ran.out());
        assertTrue(ran.out().contains("sockshell uninstall --prefix " + prefix), ran.out());
        assertEquals("", ran.err());

        Path home = prefix.resolve("share/sockshell");
        assertLinkTo(home.resolve("bin/sockshell"), prefix.resolve("bin/sockshell"));
        assertLinkTo(home.resolve("man/man1/sockshell.1"), prefix.resolve("share/man/man1/sockshell.1"));
        assertLinkTo(home.resolve("man/man1/sockshell-run.1"), prefix.resolve("share/man/man1/sockshell-run.1"));
        assertLinkTo(home.resolve("completion/sockshell_completion"),
                prefix.resolve("share/bash-completion/completions/sockshell"));
        assertTrue(Files.isExecutable(prefix.resolve("bin/sockshell")));
        assertEquals("jar", Files.readString(home.resolve("lib/sockshell.jar")));
        assertEquals("# sockshell", Files.readString(home.resolve("README.md")));
    }

    @Test
    void uninstallRemovesExactlyWhatInstallPutThere() throws IOException {
        write(prefix.resolve("bin/other-tool"), "mine");
        write(prefix.resolve("share/man/man1/other-tool.1"), "mine");
        List<String> before = tree(prefix);

        assertEquals(0, install(distribution, "--prefix", prefix.toString()).status());
        Ran ran = uninstall("--prefix", prefix.toString());

        assertEquals(0, ran.status(), ran.err());
        assertEquals("Removed sockshell " + VersionProvider.version() + " from " + prefix + ".\n", ran.out());
        assertEquals(before, tree(prefix));
    }

    @Test
    void uninstallRemovesAPrefixThatInstallCreated() throws IOException {
        Path deeper = folder.resolve("new-prefix");
        assertEquals(0, install(distribution, "--prefix", deeper.toString()).status());
        assertEquals(0, uninstall("--prefix", deeper.toString()).status());
        assertFalse(Files.exists(deeper, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void installOverAnOlderVersionReplacesItCleanly() throws IOException {
        Path older = folder.resolve("sockshell-old");
        write(older.resolve("bin/sockshell"), "#!/bin/sh\necho old\n");
        write(older.resolve("lib/sockshell.jar"), "old jar");
        write(older.resolve("lib/retired.jar"), "old only");
        write(older.resolve("man/man1/sockshell.1"), ".TH old");
        write(older.resolve("man/man1/sockshell-retired.1"), ".TH retired");
        List<String> before = tree(prefix);
        assertEquals(0, install(older, "--prefix", prefix.toString()).status());
        Path record = prefix.resolve("share/sockshell/installed.txt");
        Files.writeString(record, Files.readString(record).replaceFirst("sockshell \\S+", "sockshell 0.0.9"));

        Ran ran = install(distribution, "--prefix", prefix.toString());

        assertEquals(0, ran.status(), ran.err());
        assertTrue(ran.out().startsWith("Installed sockshell " + VersionProvider.version() + " in " + prefix
                + " (replacing 0.0.9).\n"), ran.out());
        Path home = prefix.resolve("share/sockshell");
        assertEquals("jar", Files.readString(home.resolve("lib/sockshell.jar")));
        assertFalse(Files.exists(home.resolve("lib/retired.jar")), "a file only the older version had is gone");
        assertFalse(Files.exists(prefix.resolve("share/man/man1/sockshell-retired.1"), LinkOption.NOFOLLOW_LINKS),
                "a link only the older version made is gone");
        assertLinkTo(home.resolve("man/man1/sockshell-run.1"), prefix.resolve("share/man/man1/sockshell-run.1"));
        try (Stream<Path> share = Files.list(prefix.resolve("share"))) {
            assertEquals(List.of("bash-completion", "man", "sockshell"),
                    share.map(path -> path.getFileName().toString()).sorted().toList(), "no temporary copy is left");
        }

        assertEquals(0, uninstall("--prefix", prefix.toString()).status());
        assertEquals(before, tree(prefix));
    }

    @Test
    void uninstallWhereNothingIsInstalledSaysSoInOneLine() throws IOException {
        Files.createDirectories(prefix);
        Ran ran = uninstall("--prefix", prefix.toString());

        assertEquals(1, ran.status());
        assertEquals("sockshell uninstall: sockshell is not installed in " + prefix + " (there is no "
                + prefix.resolve("share/sockshell/installed.txt") + ")\n", ran.err());
        assertEquals("", ran.out());
    }

    @Test
    void aFileInTheWayStopsTheInstallBeforeAnythingChanges() throws IOException {
        write(prefix.resolve("bin/sockshell"), "someone else's sockshell");
        assertInstallRefused(prefix.resolve("bin/sockshell") + " exists, but no sockshell install made it;"
                + " remove it or choose another --prefix");
    }

    @Test
    void aFolderInstallDidNotMakeIsNotTakenOver() throws IOException {
        write(prefix.resolve("share/sockshell/notes.txt"), "mine");
        assertInstallRefused(prefix.resolve("share/sockshell") + " exists, but no sockshell install made it;"
                + " move it away or choose another --prefix");
    }

    @Test
    void aPrefixThatCannotTakeTheLinksFailsInOneLineAndKeepsNothingOfTheInstall() throws IOException {
        // bin is a file: the copy of the distribution is written first, then the links fail.
        write(prefix.resolve("bin"), "not a folder");
        assertInstallRefused("cannot install in " + prefix + ": " + prefix.resolve("bin"));
    }

    @Test
    void aPrefixThatIsAFileFailsInOneLine() throws IOException {
        write(prefix, "a file");
        assertInstallRefused(prefix + " is not a folder");
    }

    @Test
    void aPrefixInsideTheDistributionFailsInOneLine() throws IOException {
        prefix = distribution.resolve("local");
        assertInstallRefused(prefix + " is inside the distribution it would copy; choose a prefix outside " + distribution);
    }

    @Test
    void installFromSomethingThatIsNoDistributionSaysSo() {
        Ran ran = run(new CommandLine(new InstallCommand(Optional.empty())), "--prefix", prefix.toString());
        assertEquals(1, ran.status());
        assertEquals("sockshell install: this sockshell is not an unpacked distribution; in the repository,"
                + " run ./sockshell install\n", ran.err());
        assertFalse(Files.exists(prefix));
    }

    /**
     * Installs into the prefix as it is now, expecting a refusal: exit status 1, one line on
     * standard error starting "sockshell install: " and {@code message}, and the prefix as it was.
     */
    private void assertInstallRefused(String message) throws IOException {
        List<String> before = tree(prefix);
        Ran ran = install(distribution, "--prefix", prefix.toString());

        assertEquals(1, ran.status(), ran.out());
        assertEquals(1, ran.err().lines().count(), ran.err());
        assertTrue(ran.err().startsWith("sockshell install: " + message), ran.err());
        assertEquals("", ran.out());
        assertEquals(before, tree(prefix));
    }

    private static void assertLinkTo(Path expected, Path link) throws IOException {
        assertTrue(Files.isSymbolicLink(link), link + " is not a link");
        assertFalse(Files.readSymbolicLink(link).isAbsolute(), "a relative link keeps working when the prefix moves");
        assertEquals(expected.toRealPath(), link.toRealPath());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Every path under {@code root} with what it is (a link with its target), sorted; empty if there is no root. */
    private static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(path -> {
                try {
                    String name = root.relativize(path).toString();
                    return Files.isSymbolicLink(path) ? name + " -> " + Files.readSymbolicLink(path)
                            : Files.isDirectory(path) ? name + "/" : name + " (" + Files.readString(path) + ")";
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).sorted().toList();
        }
    }
}
