package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import io.sockshell.support.Cleanup;
import io.sockshell.support.ShellDriver;
import io.sockshell.support.Waits;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Background jobs, wait and kill, and Ctrl-C's equivalent for the command in the foreground. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JobsAndCancelTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    private final Cleanup cleanup = new Cleanup();
    private final ShellDriver shell = cleanup.add(new ShellDriver());

    @AfterEach
    void closeEverything() throws Exception {
        cleanup.closeAll();
    }

    @Test
    void backgroundRecvIsPendingUntilThePeerSends() {
        shell.openConnectedPair();
        assertEquals("[1] pending: recv c 100", shell.value("recv c 100 &"));
        assertEquals("[1] running  recv c 100", shell.value("jobs"));
        assertEquals(List.of("job [1] recv c 100 still running", "socket s still open", "socket c still open",
                "socket conn still open"), shell.session().leftovers());
        shell.value("send conn \"hi\"");
        assertEquals(List.of("[1] done: recv c 100", "b'hi'"), shell.ok("wait").lines().toList());
        assertEquals("", shell.ok("jobs"));
        assertEquals(List.of("socket s still open", "socket c still open", "socket conn still open"),
                shell.session().leftovers());
    }

    @Test
    void waitReportsInJobOrderWhateverOrderTheJobsFinishIn() {
        shell.openConnectedPair();
        shell.value("recv c 100 &");
        shell.value("recv conn 100 &");
        shell.value("send c \"to the server\"");
        shell.value("send conn \"to the client\"");
        assertEquals(List.of("[1] done: recv c 100", "b'to the client'", "[2] done: recv conn 100", "b'to the server'"),
                shell.ok("wait").lines().toList());
    }

    @Test
    void waitForOneJobLeavesTheOthersRunning() {
        shell.openConnectedPair();
        shell.value("recv c 100 &");
        shell.value("recv conn 100 &");
        shell.value("send c \"x\"");
        assertEquals(List.of("[2] done: recv conn 100", "b'x'"), shell.ok("wait %2").lines().toList());
        assertEquals("[1] running  recv c 100", shell.value("jobs"));
    }

    @Test
    void waitWithATimeoutGivesUpAndTheJobGoesOn() {
        shell.openConnectedPair();
        shell.value("recv c 100 &");
        ShellDriver.Result result = shell.run("wait -t 0.2");
        assertEquals(Session.FAILED, result.status());
        assertEquals(List.of("TimeoutError: timed out"), result.errLines());
        assertEquals("", result.out());
        assertEquals("[1] running  recv c 100", shell.value("jobs"));
        shell.value("send conn \"now\"");
        assertEquals(List.of("[1] done: recv c 100", "b'now'"), shell.ok("wait 1 -t 5").lines().toList());
    }

    @Test
    void killingABlockedJobRaisesKeyboardInterruptAndTheSocketStaysUsable() {
        shell.openConnectedPair();
        shell.value("recv c 100 &");
        assertEquals("", shell.ok("kill 1"));
        assertEquals(List.of("[1] done: recv c 100", "KeyboardInterrupt"), shell.ok("wait -t 5").lines().toList());
        shell.value("send conn \"still here\"");
        assertEquals("b'still here'", shell.value("recv c 100"));
    }

    @Test
    void killRightAfterStartingIsNeverLost() {
        shell.openConnectedPair();
        for (int job = 1; job <= 40; job++) {
            shell.value("recv c 100 &");
            shell.ok("kill %" + job);
            assertEquals(List.of("[" + job + "] done: recv c 100", "KeyboardInterrupt"),
                    shell.ok("wait " + job + " -t 5").lines().toList(), "job " + job);
        }
    }

    @Test
    void failingJobReportsItsErrorLine() {
        assertEquals("[1] pending: recv zz 10", shell.value("recv zz 10 &"));
        assertEquals(List.of("[1] done: recv zz 10", "NameError: name 'zz' is not defined"),
                shell.ok("wait").lines().toList());
    }

    @Test
    void anyCommandButWaitAndExitRunsInTheBackground() {
        shell.value("help &");
        shell.value("socket bg &");
        List<String> report = shell.ok("wait").lines().toList();
        assertEquals("[1] done: help", report.get(0));
        assertEquals("Commands (help COMMAND for details; help data; help jobs):", report.get(1));
        assertEquals("[2] done: socket bg", report.get(report.size() - 1));
        assertEquals(List.of("socket bg still open"), shell.session().leftovers());
        assertEquals(List.of("error: exit cannot run in the background"), shell.run("exit &").errLines());
    }

    @Test
    void cancelForegroundStopsABlockedAcceptAndTheSocketStillAccepts() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s 1");
        Future<ShellDriver.Result> accept = shell.start("accept s conn");
        Waits.untilBlocked(shell.foregroundThread(), accept, BOUND);
        shell.session().cancelForeground();
        ShellDriver.Result cancelled = Waits.get(accept, BOUND);
        assertEquals(Session.FAILED, cancelled.status());
        assertEquals(List.of("KeyboardInterrupt"), cancelled.errLines());
        assertEquals("", cancelled.out());

        shell.ok("socket c");
        shell.ok("connect c 127.0.0.1 s.port");
        assertEquals(shell.value("getsockname c"), shell.value("accept s conn"));
    }

    @Test
    void cancellingABlockingSendSaysKeyboardInterruptAndHowManyBytesWentInTheTraceToo() {
        shell.openConnectedPair();
        shell.ok("trace on");
        Future<ShellDriver.Result> send = shell.start("send c \"x\"*100000000");
        Waits.untilBlocked(shell.foregroundThread(), send, BOUND);
        shell.session().cancelForeground();
        ShellDriver.Result cancelled = Waits.get(send, BOUND);
        assertEquals(Session.FAILED, cancelled.status());
        String line = cancelled.errLines().get(0);
        assertTrue(line.matches("KeyboardInterrupt \\(\\d+ bytes were sent\\)"), line);
        String count = line.replaceAll("\\D", "");
        List<String> trace = cancelled.out().lines().toList();
        if (Backends.posix()) {
            // The real calls: sends (with polls for room between them) that sent the count in
            // all, then the poll that Ctrl-C's wake-up descriptor ended.
            long sent = trace.stream().filter(call -> call.startsWith("| send("))
                    .mapToLong(call -> Long.parseLong(call.substring(call.lastIndexOf("= ") + 2))).sum();
            assertEquals(Long.parseLong(count), sent, trace.toString());
            String last = trace.get(trace.size() - 1);
            assertTrue(last.startsWith("| poll(") && last.endsWith("revents=POLLIN}])"), trace.toString());
        } else {
            assertEquals(List.of("| send(c, 100000000) = " + count + ", then KeyboardInterrupt"), trace);
        }
        assertTrue(shell.ok("sockets").contains(" " + count + "B/1 "), "the bytes that went are counted");
    }

    @Test
    void cancelForegroundStopsWaitingButNotTheJob() {
        shell.openConnectedPair();
        shell.value("recv c 100 &");
        Future<ShellDriver.Result> waiting = shell.start("wait");
        Waits.untilBlockedInJobWait(shell.foregroundThread(), waiting, BOUND);
        shell.session().cancelForeground();
        assertEquals(List.of("KeyboardInterrupt"), Waits.get(waiting, BOUND).errLines());
        assertEquals("[1] running  recv c 100", shell.value("jobs"));
        shell.value("send conn \"ok\"");
        assertEquals(List.of("[1] done: recv c 100", "b'ok'"), shell.ok("wait").lines().toList());
    }

    @Test
    void anInterruptedCommandEndsWithKeyboardInterruptInsteadOfSpinning() {
        shell.openConnectedPair();
        Future<ShellDriver.Result> recv = shell.start("recv conn 10");
        Waits.untilBlocked(shell.foregroundThread(), recv, BOUND);
        shell.foregroundThread().interrupt();
        assertEquals(List.of("KeyboardInterrupt"), Waits.get(recv, BOUND).errLines());
        shell.value("send c \"after\"");
        assertEquals("b'after'", shell.value("recv conn 10"));
    }

    @Test
    void closingTheSessionCancelsJobsAndClosesEverySocket() throws Exception {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s 1");
        Socket peer = cleanup.add(new Socket());
        peer.connect(new InetSocketAddress("127.0.0.1", shell.port("s")), 5000);
        peer.setSoTimeout(5000);
        shell.value("accept s conn");
        shell.value("recv conn 10 &");
        shell.ok("makefile conn f w");
        shell.ok("write f \"bye\"");
        assertEquals(List.of("job [1] recv conn 10 still running", "socket s still open", "socket conn still open",
                "file f still open"), shell.session().leftovers());

        shell.session().close();

        assertEquals(List.of(), shell.session().leftovers());
        InputStream in = peer.getInputStream();
        assertEquals("bye", new String(in.readNBytes(3), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(-1, in.read());
        assertTrue(shell.session().table().sockets().values().stream().allMatch(sock -> sock.isClosed()));
    }
}
