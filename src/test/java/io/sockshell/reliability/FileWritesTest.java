package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.repl.Repl;
import io.sockshell.session.Session;
import io.sockshell.support.JavaProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell writes files only where the user asks: run as a script it writes nothing at all,
 * not in its working directory, its home or its temporary directory, whatever a peer sends
 * (text that looks like shell commands, redirections, @file names and terminal escapes); the
 * interactive shell writes its history to the file it was given and nowhere else, and that
 * history holds what the user typed, never what a peer sent.
 */
@Timeout(60)
class FileWritesTest {
    /** Peer data that would do harm if anything passed it to a shell, a file name or a terminal. */
    private static final byte[] BAIT = PeerDataSurfaceTest.concat(
            "$(touch pwned) `touch pwned2`; rm -rf ~ > out.txt\n@evil.txt | tee written.txt\n"
                    .getBytes(StandardCharsets.UTF_8), PeerDataSurfaceTest.HOSTILE, PeerDataSurfaceTest.RAW);

    @Test
    void aScriptRunWritesNoFiles(@TempDir Path root) throws Exception {
        Path work = Files.createDirectory(root.resolve("work"));
        Path home = Files.createDirectory(root.resolve("home"));
        Path temp = Files.createDirectory(root.resolve("tmp"));
        Path logs = Files.createDirectory(root.resolve("logs"));
        byte[] request = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("request.txt"), request);
        try (ServerSocket server = LoopbackPeer.listener()) {
            Process shell = startShell(work, home, temp, logs);
            try (OutputStream typing = shell.getOutputStream()) {
                typing.write(String.join("\n", "socket c", "connect c 127.0.0.1 " + server.getLocalPort(),
                        "send c @request.txt", "recv c 10 --hex", "makefile c f rb", "readline f", "readline f --full",
                        "readlines f", "close f", "trace on", "send c \"$(touch pwned) > out.txt\"", "close c", "")
                        .getBytes(StandardCharsets.UTF_8));
            }
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                assertEquals(new String(request, StandardCharsets.US_ASCII), new String(peer.receive(request.length),
                        StandardCharsets.US_ASCII));
                peer.send(BAIT);
                peer.shutdownOutput();
                assertEquals("$(touch pwned) > out.txt".length(), peer.receiveUntilEnd());
            }
            if (!shell.waitFor(30, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
                fail("the shell did not finish");
            }
            String out = Files.readString(logs.resolve("out"), StandardCharsets.UTF_8);
            String err = Files.readString(logs.resolve("err"), StandardCharsets.UTF_8);
            assertEquals(0, shell.exitValue(), () -> out + err);
            assertTrue(out.contains("b'ned) `touch pwned2`; rm -rf ~ > out.txt\\n'"), out);
            assertTrue(out.contains(PeerDataSurfaceTest.RAW_BYTES), out);
            PeerDataSurfaceTest.assertNoTerminalControls(out);
        }
        assertEquals(List.of("request.txt"), names(work));
        assertEquals(List.of(), names(home));
        assertEquals(List.of(), names(temp));
    }

    @Test
    void theInteractiveShellWritesOnlyTheHistoryItWasGiven(@TempDir Path directory) throws Exception {
        Path history = directory.resolve("history");
        try (ServerSocket server = LoopbackPeer.listener()) {
            List<String> typed = List.of("socket c", "connect c 127.0.0.1 " + server.getLocalPort(), "makefile c f rb",
                    "readlines f", "close f c");
            String screen = runRepl(history, typed, server);
            assertFalse(screen.contains("\u001b[31m") || screen.contains("\u001b]0;") || screen.contains("\u009b"), screen);
            assertTrue(screen.contains(PeerDataSurfaceTest.RAW_BYTES), screen);
            List<String> saved = Files.readAllLines(history, StandardCharsets.UTF_8);
            assertEquals(typed.size(), saved.size(), saved::toString);
            for (int i = 0; i < typed.size(); i++) {
                assertTrue(saved.get(i).endsWith(typed.get(i)), saved.get(i) + " is not " + typed.get(i));
            }
        }
        assertEquals(List.of("history"), names(directory));
    }

    @Test
    void withoutHistoryTheInteractiveShellWritesNothing(@TempDir Path directory) throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            runRepl(null, List.of("socket c", "connect c 127.0.0.1 " + server.getLocalPort(), "recv c 1000", "close c"),
                    server);
        }
        assertEquals(List.of(), names(directory));
    }

    /**
     * Types {@code lines} into the interactive shell on a dumb terminal while a peer sends the
     * bait to the first connection; returns what the terminal showed.
     */
    private static String runRepl(Path history, List<String> lines, ServerSocket server) throws Exception {
        ByteArrayInputStream keyboard = new ByteArrayInputStream((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        AtomicInteger status = new AtomicInteger(-1);
        try (Terminal terminal = new DumbTerminal("test", "dumb", keyboard, screen, StandardCharsets.UTF_8)) {
            PrintWriter writer = terminal.writer();
            Thread repl = new Thread(() -> {
                try (Session session = new Session(writer, writer)) {
                    status.set(new Repl(terminal, history, false).run(session));
                }
            }, "repl");
            repl.start();
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                peer.send(BAIT);
                peer.shutdownOutput();
                peer.receiveUntilEnd();
            }
            repl.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(repl.isAlive(), "the shell did not finish");
            writer.flush();
        }
        assertEquals(0, status.get(), screen::toString);
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static Process startShell(Path work, Path home, Path temp, Path logs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + temp,
                "-XX:-UsePerfData"));
        command.addAll(JavaProcess.nativeAccess());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.sockshell.cli.Main", "--keep-going"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(logs.resolve("out").toFile())
                .redirectError(logs.resolve("err").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TMPDIR", temp.toString());
        builder.environment().remove("SOCKSHELL_HISTORY");
        return builder.start();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
