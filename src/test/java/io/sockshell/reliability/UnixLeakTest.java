package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.ShellDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * AF_UNIX sockets leave nothing in the shell's process, and no socket file the user did not
 * ask for: after rounds of echo pairs over a path, a refused connect, the errors a path gives
 * and sockets left open at the session's end, the descriptors and threads are back where they
 * were, and the only files in the folder are the ones bind made and nobody unlinked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnixLeakTest {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void unixSocketsGiveBackTheirDescriptorsAndThreads() throws InterruptedException {
        ProcessResources.assertRoundsGiveBack("unix sockets", this::rounds, SETTLE);
        assertEquals(0, socketFiles(), "every round unlinked the files it made");
    }

    private void rounds(int count) {
        for (int round = 0; round < count; round++) {
            String path = folder.resolve("echo.sock").toString();
            try (ShellDriver shell = new ShellDriver()) {
                shell.ok("socket s AF_UNIX", "bind s " + path, "socket c AF_UNIX");
                shell.fails("connect c " + path, "ConnectionRefusedError: [Errno 111] Connection refused");
                shell.ok("listen s 5", "connect c " + path, "accept s conn", "sendall c \"x\"*100000",
                        "makefile conn f rb");
                assertTrue(shell.ok("read f 100000").startsWith("b'xxx"));
                shell.ok("close f conn c s");
                assertTrue(Files.exists(Path.of(path)), "close leaves the socket file");
                shell.ok("socket s2 AF_UNIX");
                shell.fails("bind s2 " + path, "OSError: [Errno 98] Address already in use");
                shell.ok("unlink " + path, "bind s2 " + path, "listen s2 1", "socket c2 AF_UNIX", "connect c2 " + path);
                shell.fails("connect c2 " + folder.resolve("missing.sock"),
                        "FileNotFoundError: [Errno 2] No such file or directory");
                // Left open, connected and listening: the session's end closes them.
                shell.ok("unlink " + path);
            }
            assertFalse(Files.exists(Path.of(path)));
        }
    }

    private long socketFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
