package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Received;
import io.sockshell.support.ShellDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial's programs, played by hand in one session: both ends are sockets of the shell. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TutorialExchangesTest {
    private final ShellDriver shell = new ShellDriver();

    @AfterEach
    void closeSession() {
        shell.close();
    }

    /** tms.py and tmc.py: the client's recv waits until the server sends 10000 copies, then reads to b''. */
    @Test
    void echoExchangeDeliversExactlyThirtyThousandBytesThenEndOfStream() {
        shell.ok("socket s");
        shell.ok("bind s \"\" 0");
        shell.ok("listen s 1");
        shell.ok("socket c");
        shell.ok("connect c localhost s.port");
        String client = shell.value("accept s conn");
        assertEquals(client, shell.value("getsockname c"));
        assertEquals("3", shell.value("send c \"abc\""));
        assertEquals("b'abc'", shell.value("recv conn 1000000"));

        assertEquals("[1] pending: recv c 1000000", shell.value("recv c 1000000 &"));
        assertEquals("[1] running  recv c 1000000", shell.value("jobs"));
        assertEquals("30000", shell.value("send conn \"abc\"*10000"));
        assertEquals("", shell.ok("close conn"));

        List<String> report = shell.ok("wait").lines().toList();
        assertEquals("[1] done: recv c 1000000", report.get(0));
        assertEquals(2, report.size(), () -> String.join("\n", report));
        int total = Received.length(report.get(1));
        assertTrue(total > 0, report.get(1));
        String chunk;
        while (!(chunk = shell.value("recv c 1000000")).equals("b''")) {
            total += Received.length(chunk);
            assertTrue(total <= 30000, "more than was sent: " + total);
        }
        assertEquals(30000, total);
        assertEquals("b''", shell.value("recv c 1000000"));
        shell.session().width(140);
        assertTrue(shell.ok("sockets").lines().anyMatch(line -> line.matches("c +tcp4 .* 3B/1 +30000B/\\d+ +CLOSE_WAIT +0 +0")));
        shell.ok("close c s");
        assertEquals(List.of(), shell.session().leftovers());
    }

    /** svr.py and wps.py: the server writes lines through a file, the client reads them whole. */
    @Test
    void makefileExchangeHandsOutWholeLinesAndOnlyWhatWasFlushed() {
        shell.openConnectedPair();
        assertEquals("2", shell.value("send c \"ps\""));
        assertEquals("b'ps'", shell.value("recv conn 2"));
        shell.ok("makefile conn f w");
        shell.ok("makefile c r r");
        assertEquals("21", shell.value("write f \"  PID TTY   CMD\\n  1 ?\""));
        assertEquals("([], [], [])", shell.value("select -r c -t 0"));
        assertEquals("", shell.ok("flush f"));
        assertEquals("([c], [], [])", shell.value("select -r c -t 5"));
        assertEquals("'  PID TTY   CMD\\n'", shell.value("readline r"));
        assertEquals("", shell.ok("writelines f \"     init\\n\" \" 42 pts/0 bash\\n\""));
        assertEquals("", shell.ok("close f"));
        assertEquals("", shell.ok("close conn"));
        assertEquals("['  1 ?     init\\n', ' 42 pts/0 bash\\n']", shell.value("readlines r"));
        assertEquals("''", shell.value("readline r"));
        shell.ok("close r c s");
        assertEquals(List.of(), shell.session().leftovers());
    }

    /** strsvr.py and strclnt.py: nonblocking recv raises until data is there; select says when. */
    @Test
    void nonblockingExchangeRaisesUntilDataArrives() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s 2");
        shell.ok("socket c1");
        shell.ok("connect c1 127.0.0.1 s.port");
        shell.ok("socket c2");
        shell.ok("connect c2 127.0.0.1 s.port");
        shell.value("accept s a");
        shell.value("accept s b");
        shell.ok("setblocking a 0");
        shell.ok("setblocking b 0");

        ShellDriver.Result early = shell.run("recv a 1");
        assertEquals(Session.FAILED, early.status());
        assertEquals(List.of("BlockingIOError: [Errno 11] Resource temporarily unavailable"), early.errLines());
        assertEquals("", early.out());

        assertEquals("2", shell.value("send c2 \"x\\n\""));
        assertEquals("([b], [], [])", shell.value("select -r a,b -t 5"));
        assertEquals(List.of("BlockingIOError: [Errno 11] Resource temporarily unavailable"),
                shell.run("recv a 1").errLines());
        assertEquals("b'x'", shell.value("recv b 1"));
        assertEquals("b'\\n'", shell.value("recv b 1"));
        assertEquals(List.of("BlockingIOError: [Errno 11] Resource temporarily unavailable"),
                shell.run("recv b 1").errLines());

        shell.ok("close c1");
        assertEquals("([a], [], [])", shell.value("select -r a,b -t 5"));
        assertEquals("b''", shell.value("recv a 1"));
    }

    @Test
    void recvWithATimeoutRaisesTimeoutErrorAndTheSocketStaysUsable() {
        shell.openConnectedPair();
        shell.ok("settimeout conn 0.2");
        ShellDriver.Result result = shell.run("recv conn 10");
        assertEquals(List.of("TimeoutError: timed out"), result.errLines());
        assertEquals(Session.FAILED, result.status());
        shell.value("send c \"late\"");
        assertEquals("b'late'", shell.value("recv conn 10"));
    }
}
