package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.ShellDriver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Links leave nothing in the shell's process: after rounds of links that relay a megabyte, cut
 * a stream into pieces, are closed mid-transfer, limit, reset, meet a refused target, and are
 * left open when the session ends, the descriptors and threads are back where they were.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkLeakTest {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    void linksGiveBackTheirDescriptorsAndThreads() throws InterruptedException {
        ProcessResources.assertRoundsGiveBack("links", LinkLeakTest::rounds, SETTLE);
    }

    private static void rounds(int count) {
        for (int round = 0; round < count; round++) {
            try (ShellDriver shell = new ShellDriver()) {
                shell.ok("socket s", "bind s 127.0.0.1 0", "listen s 10");

                shell.ok("link plain 127.0.0.1 s.port");
                shell.ok("socket c1", "connect c1 127.0.0.1 plain.port", "accept s conn1", "sendall conn1 \"x\"*1000000",
                        "close conn1", "makefile c1 f1 rb");
                assertTrue(shell.ok("read f1").endsWith("(1000000 bytes)\n"));

                shell.ok("link sliced 127.0.0.1 s.port --slice 1..7 --seed 5");
                shell.ok("socket c2", "connect c2 127.0.0.1 sliced.port", "accept s conn2", "sendall conn2 \"y\"*5000");
                assertTrue(shell.ok("recv c2 100").startsWith("b'y"));
                shell.ok("close sliced");

                shell.ok("link limited 127.0.0.1 s.port --reset-after 20 --up");
                shell.ok("socket c3", "connect c3 127.0.0.1 limited.port", "accept s conn3", "sendall c3 \"z\"*100");
                assertEquals("b'zzzzzzzzzzzzzzzzzzzz'\n", shell.ok("recv conn3 100"));
                shell.fails("recv conn3 100", "ConnectionResetError: [Errno 104] Connection reset by peer");

                shell.ok("socket gone", "bind gone 127.0.0.1 0", "link nowhere 127.0.0.1 gone.port", "close gone");
                shell.ok("socket c4", "connect c4 127.0.0.1 nowhere.port");
                assertEquals("b''\n", shell.ok("recv c4 10"));

                // Left open, with a connection in the middle of a transfer: the session's end closes it.
                shell.ok("link open 127.0.0.1 s.port --slice 3");
                shell.ok("socket c5", "connect c5 127.0.0.1 open.port", "accept s conn5", "sendall conn5 \"w\"*3000");
            }
        }
    }
}
