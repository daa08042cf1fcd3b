package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.session.Session;
import io.sockshell.support.ShellDriver;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One plain case for each bug the generated runs found, so each stays fixed whatever the seed. */
@Timeout(30)
class FoundByFuzzingTest {
    private ShellDriver shell;

    @BeforeEach
    void open() {
        shell = new ShellDriver();
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void anErrorLineEchoingTypedControlCharactersStaysOneEscapedLine() {
        ShellDriver.Result outcome = shell.run("recv \"x\u001b[31m\nred\u202e\" 5");
        assertEquals(Session.FAILED, outcome.status());
        assertEquals("NameError: name '\"x\\x1b[31m\\x0ared\\u202e\"' is not defined\n", outcome.err());
        outcome = shell.run("bogus\u0007");
        assertEquals("error: unknown command 'bogus\\x07' (type help for the list)\n", outcome.err());
    }

    @Test
    void anAtFileArgumentIsTheFilesBytesNotPicocliArguments(@TempDir Path directory) throws Exception {
        Path request = Files.write(directory.resolve("request.txt"), "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                shell.prints("send c @" + request, "18");
                assertEquals("GET / HTTP/1.0\r\n\r\n", peer.receiveText(18));
            }
        }
    }

    @Test
    void aDisplayStyleAppliesToItsOwnLineOnly() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                peer.send("abc");
                shell.prints("select -r c -t 10", "([c], [], [])");
                shell.prints("recv c 1 --hex", "00000000  61                                                |a|\n(1 bytes)");
                shell.prints("recv c 1", "b'b'");
                shell.run("recv c 1 --full --hex");
                shell.prints("recv c 1", "b'c'");
            }
        }
    }

    @Test
    void helpRunsInTheBackground() {
        assertEquals("[1] pending: help data\n", shell.ok("help data &"));
        String report = shell.ok("wait 1 -t 10");
        assertTrue(report.startsWith("[1] done: help data\nData arguments"), report);
        shell.ok("help &");
        assertTrue(shell.ok("wait 2 -t 10").contains("  recv "));
    }

    /**
     * A transcript whose expected line is a long run of one character: compiling it as a regex
     * took minutes (the regex compiler's Boyer-Moore table is quadratic in a leading literal).
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLongExpectedLineParsesAndMatchesAtOnce() throws Exception {
        String expected = "x".repeat(1_000_000);
        io.sockshell.transcript.Transcript transcript = io.sockshell.transcript.Transcript.parse(Path.of("long.t"),
                "sockshell> send s \"x\"\n" + expected + "\n");
        assertEquals(Path.of("long.t"), transcript.file());
    }
}
