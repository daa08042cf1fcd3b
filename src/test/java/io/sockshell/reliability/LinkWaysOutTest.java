package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.JavaProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * However the shell ends with a link open, in the middle of relaying a connection both ways,
 * both ends of that connection see the end of the stream (b''), not a reset and not silence:
 * the shell closes its links on exit, at the end of its input and on SIGTERM. The shell runs in
 * a JVM of its own, as a user runs it; the two ends are this test's sockets. What is left in a
 * shell's own process when a session ends with links open is LinkLeakTest's.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LinkWaysOutTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern LINK_ADDRESS = Pattern.compile("\\('127\\.0\\.0\\.1', (\\d+)\\)");

    @Test
    void exit() throws Exception {
        endsBothEnds(shell -> shell.type("exit\n"));
    }

    @Test
    void endOfInput() throws Exception {
        endsBothEnds(JavaProcess::endInput);
    }

    @Test
    void sigterm() throws Exception {
        endsBothEnds(shell -> ProgramWaysOutTest.signal(shell, "TERM"));
    }

    @FunctionalInterface
    private interface WayOut {
        void end(JavaProcess shell) throws Exception;
    }

    /**
     * A link cutting both directions into pieces of 3 bytes, each sent only once the reader has
     * taken the last: neither end reads, so the link holds most of what each end sent when the
     * shell ends. Each end then reads what reached it, a start of what the other sent, and b''.
     */
    private static void endsBothEnds(WayOut wayOut) throws Exception {
        byte[] down = bytes(1, 3000);
        byte[] up = bytes(2, 2000);
        try (ServerSocket target = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                JavaProcess shell = JavaProcess.sockshell("--keep-going")) {
            target.setSoTimeout((int) BOUND.toMillis());
            shell.type("link l 127.0.0.1 " + target.getLocalPort() + " --slice 3 --seed 1\n");
            Matcher address = LINK_ADDRESS.matcher(shell.stdout().await(text -> LINK_ADDRESS.matcher(text).find(),
                    BOUND, "the link's address"));
            assertTrue(address.find());
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(address.group(1)));
                    Socket far = target.accept()) {
                far.getOutputStream().write(down);
                client.getOutputStream().write(up);
                wayOut.end(shell);
                assertTrue(shell.ended(BOUND), "the shell did not end");
                assertStartThenEnd(down, client);
                assertStartThenEnd(up, far);
            }
        }
    }

    /** Reads {@code end} to b'' (a reset or a read that waits past the bound fails): what came is a start of {@code sent}. */
    private static void assertStartThenEnd(byte[] sent, Socket end) throws IOException {
        end.setSoTimeout((int) BOUND.toMillis());
        InputStream in = end.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            got.write(buffer, 0, n);
        }
        byte[] received = got.toByteArray();
        assertTrue(received.length < sent.length, "the link held back nothing: " + received.length + " bytes");
        assertArrayEquals(Arrays.copyOf(sent, received.length), received);
    }

    private static byte[] bytes(long seed, int length) {
        byte[] data = new byte[length];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }
}
