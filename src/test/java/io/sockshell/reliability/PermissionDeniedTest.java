package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.export.PythonExport;
import io.sockshell.export.PythonJudge;
import io.sockshell.support.Cleanup;
import io.sockshell.support.JavaProcess;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PermissionError: [Errno 13] Permission denied} as CPython raises it: bind in a folder
 * the user may not write, or may not search; connect to a socket file the user may not write,
 * or in a folder it may not search; unlink there. The shell (a JVM of its own, on the backend
 * of the test run) and the same calls exported to python3 run as the same user, and each line
 * the shell prints must be python3's, which must be the denial written here (so a run that
 * nothing denied cannot pass).
 *
 * <p>Root is denied nothing, and the suite runs as root on CI machines: then both run as
 * {@code nobody} ({@code setpriv}), on copies of the classes it can read (root's Maven
 * repository is closed to it) and with a PATH of the system's folders (a python3 under root's
 * home, such as pyenv's, is closed to it too).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PermissionDeniedTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String DENIED = "PermissionError: [Errno 13] Permission denied";
    private static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    @TempDir
    Path folder;

    @Test
    void deniedCallsPrintWhatCPythonPrints() throws Exception {
        Cleanup cleanup = new Cleanup();
        try {
            run(cleanup);
        } finally {
            cleanup.closeAll();
        }
    }

    private void run(Cleanup cleanup) throws Exception {
        List<String> asUser = unprivileged();
        setMode(folder, "rwxr-xr-x");
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Path kept = Files.writeString(locked.resolve("kept"), "x");
        Path hidden = Files.createDirectory(folder.resolve("hidden"));
        Path served = folder.resolve("served.sock");
        listen(cleanup, served);
        listen(cleanup, hidden.resolve("in.sock"));
        setMode(served, "r--r--r--");
        setMode(locked, "r-xr-xr-x");
        setMode(hidden, "---------");
        cleanup.add(() -> setMode(locked, "rwxr-xr-x"));
        cleanup.add(() -> setMode(hidden, "rwx------"));

        List<String> lines = List.of(
                "socket s AF_UNIX",
                "bind s " + locked.resolve("x.sock"),
                "bind s " + hidden.resolve("x.sock"),
                "socket c AF_UNIX",
                "connect c " + served,
                "connect_ex c " + served,
                "connect c " + hidden.resolve("in.sock"),
                "unlink " + kept,
                "unlink " + hidden.resolve("in.sock"),
                "getsockname s",
                "getpeername c");
        List<String> expected = List.of(DENIED, DENIED, DENIED, "13", DENIED, DENIED + ": '" + kept + "'",
                DENIED + ": '" + hidden.resolve("in.sock") + "'", "''",
                "OSError: [Errno 107] Transport endpoint is not connected");

        List<String> python = python(asUser, lines);
        assertEquals(expected, python, "python3, as the user the shell runs as, is denied each call");
        assertEquals(python, shell(asUser, lines), "the shell prints each line as python3 does");
    }

    /** Runs the lines in a sockshell JVM as the user; what it printed on either stream, in order. */
    private List<String> shell(List<String> asUser, List<String> lines) throws Exception {
        Path script = readable(folder.resolve("session.txt"), String.join("\n", lines) + "\n");
        List<String> command = new ArrayList<>(asUser);
        command.addAll(JavaProcess.sockshellCommand(classPathFor(asUser), List.of(), "--keep-going"));
        return output(new ProcessBuilder(command).redirectInput(script.toFile()), asUser);
    }

    /** Runs the lines' Python export as the user; what it printed. */
    private List<String> python(List<String> asUser, List<String> lines) throws Exception {
        Path program = readable(folder.resolve("session.py"), PythonExport.ofLines("permissions", lines).source());
        List<String> command = new ArrayList<>(asUser);
        command.addAll(List.of(asUser.isEmpty() ? PythonJudge.command() : "python3", "-X", "utf8", program.toString()));
        return output(new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))), asUser);
    }

    private static List<String> output(ProcessBuilder builder, List<String> asUser) throws Exception {
        builder.redirectErrorStream(true).directory(new File("/"));
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        if (!asUser.isEmpty()) {
            builder.environment().put("PATH", SYSTEM_PATH);
            builder.environment().put("HOME", "/");
        }
        try (JavaProcess process = JavaProcess.start(builder)) {
            int status = process.exitCode(BOUND);
            List<String> printed = process.stdout().text().lines().toList();
            // The shell's exit status says a command failed; python3's must be 0.
            assertEquals(builder.command().contains("--keep-going") ? 1 : 0, status, () -> String.join("\n", printed));
            return printed;
        }
    }

    /**
     * The command prefix that runs a program as a user permissions apply to: nothing for a user
     * other than root, {@code setpriv} to nobody for root. The test is skipped, saying why, where
     * nobody cannot run the JDK or a python3.
     */
    private static List<String> unprivileged() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) {
            assumeTrue(PythonJudge.unavailable().isEmpty(), "python3 is needed to compare with CPython");
            return List.of();
        }
        String[] nobody = Files.readAllLines(Path.of("/etc/passwd")).stream().filter(line -> line.startsWith("nobody:"))
                .findFirst().map(line -> line.split(":")).orElse(null);
        assumeTrue(nobody != null, "the suite runs as root, whom permissions do not stop, and there is no user nobody");
        List<String> prefix = List.of("setpriv", "--reuid=" + nobody[2], "--regid=" + nobody[3], "--clear-groups", "--");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assumeTrue(runs(prefix, java, "-version"), "the suite runs as root, and nobody cannot run setpriv or this JDK ("
                + java + ")");
        assumeTrue(runs(prefix, "python3", "-c", "import sys; assert sys.version_info >= (3, 8)"),
                "the suite runs as root, and nobody finds no python3 3.8+ on " + SYSTEM_PATH);
        return prefix;
    }

    private static boolean runs(List<String> prefix, String... command) throws Exception {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).directory(new File("/"));
        builder.environment().put("PATH", SYSTEM_PATH);
        try (JavaProcess process = JavaProcess.start(builder)) {
            return process.exitCode(BOUND) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The class path of the shell under test, copied where the user can read it when that is another user. */
    private String classPathFor(List<String> asUser) throws IOException {
        List<Path> entries = JavaProcess.classPathEntries();
        if (asUser.isEmpty()) {
            return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
        }
        Path copies = Files.createDirectory(folder.resolve("classpath"));
        List<String> copied = new ArrayList<>();
        for (Path entry : entries) {
            Path copy = copies.resolve(copied.size() + (Files.isDirectory(entry) ? "" : ".jar"));
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(entry.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                        setMode(target, "rwxr-xr-x");
                    } else {
                        Files.copy(file, target);
                        setMode(target, "rw-r--r--");
                    }
                }
            }
            copied.add(copy.toString());
        }
        setMode(copies, "rwxr-xr-x");
        return String.join(File.pathSeparator, copied);
    }

    private static void listen(Cleanup cleanup, Path path) throws IOException {
        ServerSocketChannel listener = cleanup.add(ServerSocketChannel.open(StandardProtocolFamily.UNIX));
        listener.bind(UnixDomainSocketAddress.of(path));
    }

    private static Path readable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        setMode(file, "rw-r--r--");
        return file;
    }

    private static void setMode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
}
