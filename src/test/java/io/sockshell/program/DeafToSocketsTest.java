package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When the look for data on its way to a program can be spared: only when every sleeping thread
 * reads a descriptor that is no socket. Real python3 processes, each blocked in one call.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeafToSocketsTest {
    @Test
    void aProgramReadingItsKeyboardIsDeafToSockets() throws Exception {
        assertTrue(deafWhileIn("import sys\nprint('ready', flush=True)\nsys.stdin.readline()"));
    }

    @Test
    void aProgramReadingAPipeOfItsOwnIsDeafToSockets() throws Exception {
        assertTrue(deafWhileIn("import os\nr, w = os.pipe()\nprint('ready', flush=True)\nos.read(r, 1)"));
    }

    @Test
    void aProgramWaitingForAConnectionHears() throws Exception {
        assertFalse(deafWhileIn("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\n"
                + "print('ready', flush=True)\ns.accept()"));
    }

    /** inetd's way: a socket made standard input, and read as such, is a socket all the same. */
    @Test
    void aProgramReadingASocketOnDescriptorZeroHears() throws Exception {
        assertFalse(deafWhileIn("import os, socket\na, b = socket.socketpair()\nos.dup2(a.fileno(), 0)\n"
                + "print('ready', flush=True)\nos.read(0, 1)"));
    }

    @Test
    void aProgramWaitingInSelectHears() throws Exception {
        assertFalse(deafWhileIn("import select, sys\nprint('ready', flush=True)\nselect.select([sys.stdin], [], [])"));
    }

    @Test
    void aReadIsToldByItsDescriptor() {
        assertEquals(0, TimedWaits.readDescriptor(TimedWaits.READING_STANDARD_INPUT));
        String read = TimedWaits.READING_STANDARD_INPUT.substring(0, TimedWaits.READING_STANDARD_INPUT.indexOf(' '));
        assertEquals(26, TimedWaits.readDescriptor(read + " 0x1a"));
        assertEquals(-1, TimedWaits.readDescriptor(""));
        assertEquals(-1, TimedWaits.readDescriptor("202 0x7f00"));
        assertEquals(-1, TimedWaits.readDescriptor(read + " 0xzz"));
    }

    /**
     * Starts python3 on {@code script}, which prints {@code ready} and blocks in one call; waits
     * (bounded) until a look finds it waiting in that call; then asks whether it is deaf to sockets.
     */
    private static boolean deafWhileIn(String script) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads are watched in Linux's /proc");
        Process process = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        try (ProcessWatch watch = new ProcessWatch((int) process.pid());
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            ProcessWatch.Look look = watch.look();
            while (!look.waiting() || look.threads().stream().anyMatch(thread -> thread.location().isEmpty())) {
                assertTrue(System.nanoTime() < deadline, () -> "python3 never blocked: " + process.isAlive());
                Thread.onSpinWait();
                look = watch.look();
            }
            return watch.deafToSockets(look);
        } catch (IOException e) {
            throw new AssertionError("python3 could not be watched", e);
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
