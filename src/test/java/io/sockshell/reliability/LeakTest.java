package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import io.sockshell.engine.SocketBackends;
import io.sockshell.engine.TraceListener;
import io.sockshell.support.ShellDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Opens, uses and closes 10,000 sockets through the shell and 10,000 through the engine, in
 * batches held open together, with background jobs, files, datagrams, select and poll along
 * the way; afterwards the process's descriptors and live threads are back where they started.
 * {@code -Dsockshell.leak.sockets=N} changes the number.
 */
@Timeout(120)
class LeakTest {
    private static final int SOCKETS = Integer.getInteger("sockshell.leak.sockets", 10_000);
    /** Connections held open at once; each is two sockets, client and accepted. */
    private static final int BATCH = 100;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Every blocking engine call here times out after this; the shell's lines are bounded by ShellDriver. */
    private static final double BOUND_SECONDS = 10;

    @Test
    void throughTheShell() throws InterruptedException {
        shellRounds(1);
        ProcessResources.Counts start = ProcessResources.now();
        int peak = shellRounds(SOCKETS / (2 * BATCH));
        ProcessResources.Counts end = ProcessResources.awaitReturnTo(start, SETTLE);
        report("shell", start, peak, end);
    }

    @Test
    void throughTheEngine() throws Exception {
        engineRounds(1);
        ProcessResources.Counts start = ProcessResources.now();
        int peak = engineRounds(SOCKETS / (2 * BATCH));
        ProcessResources.Counts end = ProcessResources.awaitReturnTo(start, SETTLE);
        report("engine", start, peak, end);
    }

    /**
     * A long session keeps nothing of a background job once its report is printed: after 50
     * jobs that receive a megabyte each and print it, the heap after a full collection has
     * grown by far less than what they printed.
     */
    @Test
    void backgroundJobsKeepNoOutputOnceReported() {
        long megabytes = 50;
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("socket lst", "bind lst 127.0.0.1 0", "listen lst", "socket cli", "connect cli 127.0.0.1 lst.port",
                    "accept lst srv", "settimeout cli 10", "settimeout srv 10", "set display full");
            long before = usedHeapAfterCollection();
            long printed = 0;
            for (int job = 0; job < megabytes; job++) {
                shell.ok("recv srv 1048576 &", "sendall cli \"x\"*1048576");
                printed += shell.ok("wait -t 10").length();
                while (shell.ok("select -r srv -t 0").startsWith("([srv]")) {
                    printed += shell.ok("recv srv 1048576").length();
                }
            }
            long retained = usedHeapAfterCollection() - before;
            System.out.printf("leaks/jobs: %d background jobs printed %d MB; heap grew %d MB%n", megabytes,
                    printed >> 20, retained >> 20);
            assertTrue(printed > megabytes << 20, "printed only " + printed + " characters");
            assertTrue(retained < printed / 2, "the session kept " + (retained >> 20) + " MB");
        }
    }

    private static long usedHeapAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Runs {@code rounds} batches in a session of its own; returns the most descriptors seen open. */
    private static int shellRounds(int rounds) {
        int peak = 0;
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("socket lst", "bind lst 127.0.0.1 0", "listen lst 128", "socket u SOCK_DGRAM", "bind u 127.0.0.1 0");
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < BATCH; i++) {
                    shell.ok("socket c" + i, "connect c" + i + " 127.0.0.1 lst.port", "accept lst s" + i);
                }
                peak = Math.max(peak, ProcessResources.openDescriptors());
                for (int i = 0; i < BATCH; i++) {
                    shell.ok("sendall c" + i + " \"ping " + i + "\\n\"");
                    shell.prints("recv s" + i + " 100", "b'ping " + i + "\\n'");
                }
                shell.ok("makefile s0 f rw", "sendall c0 \"line\\n\"", "write f \"back\\n\"", "flush f");
                shell.prints("readline f", "'line\\n'");
                shell.prints("recv c0 100", "b'back\\n'");
                shell.ok("close f", "sendto u b'd' 127.0.0.1 u.port");
                shell.prints("recvfrom u 10", "(b'd', ('127.0.0.1', " + shell.port("u") + "))");
                shell.prints("select -r s1 -w c1 -t 5", "([], [c1], [])");
                shell.prints("poll -w c2 -t 5000", "[(c2, POLLOUT)]");
                shell.ok("recv s3 100 &", "sendall c3 b'job'");
                assertEquals("[1] done: recv s3 100\nb'job'\n", shell.ok("wait -t 10").replaceAll("\\[\\d+]", "[1]"));
                StringBuilder close = new StringBuilder("close");
                for (int i = 0; i < BATCH; i++) {
                    close.append(" c").append(i).append(" s").append(i);
                }
                shell.ok(close.toString());
            }
            assertEquals(List.of(), shell.session().leftovers().stream().filter(left -> !left.contains(" lst ")
                    && !left.contains(" u ")).toList());
        }
        return peak;
    }

    /** Runs {@code rounds} batches straight on the engine; returns the most descriptors seen open. */
    private static int engineRounds(int rounds) throws SockError {
        int peak = 0;
        SocketBackend backend = SocketBackends.create(TraceListener.NONE);
        try (Sock listener = backend.open(Family.AF_INET, Kind.SOCK_STREAM);
                Sock datagrams = backend.open(Family.AF_INET, Kind.SOCK_DGRAM)) {
            listener.bind("127.0.0.1", 0);
            listener.listen(128);
            listener.settimeout(BOUND_SECONDS);
            datagrams.bind("127.0.0.1", 0);
            datagrams.settimeout(BOUND_SECONDS);
            int port = listener.getsockname().port();
            for (int round = 0; round < rounds; round++) {
                List<Sock> clients = new ArrayList<>();
                List<Sock> servers = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    Sock client = backend.open(Family.AF_INET, Kind.SOCK_STREAM);
                    clients.add(client);
                    client.settimeout(BOUND_SECONDS);
                    client.connect("127.0.0.1", port);
                    Accepted accepted = listener.accept();
                    accepted.socket().settimeout(BOUND_SECONDS);
                    servers.add(accepted.socket());
                }
                peak = Math.max(peak, ProcessResources.openDescriptors());
                for (int i = 0; i < BATCH; i++) {
                    PyBytes ping = PyBytes.ascii("ping " + i);
                    clients.get(i).sendall(ping);
                    assertEquals(ping, servers.get(i).recv(100));
                }
                LineFile file = servers.get(0).makefile("rb");
                clients.get(0).sendall(PyBytes.ascii("line\n"));
                assertEquals(PyBytes.ascii("line\n"), file.readline());
                file.close();
                datagrams.sendto(PyBytes.ascii("d"), "127.0.0.1", datagrams.getsockname().port());
                assertEquals(PyBytes.ascii("d"), datagrams.recvfrom(10).data());
                assertEquals(List.of(clients.get(1)),
                        backend.select(List.of(servers.get(1)), List.of(clients.get(1)), List.of(), 5.0).writable());
                servers.get(2).settimeout(0.001);
                assertTimesOut(servers.get(2));
                for (int i = 0; i < BATCH; i++) {
                    clients.get(i).close();
                    servers.get(i).close();
                }
            }
        }
        return peak;
    }

    private static void assertTimesOut(Sock sock) {
        try {
            sock.recv(10);
            throw new AssertionError("recv returned on a silent connection");
        } catch (SockError e) {
            assertEquals("TimeoutError: timed out", e.pythonLine());
        }
    }

    private static void report(String through, ProcessResources.Counts start, int peak, ProcessResources.Counts end) {
        System.out.printf("leaks/%s: %d sockets opened, used and closed; descriptors %d at start, %d at the peak, %d at the"
                + " end; threads %d at start, %d at the end%n", through, SOCKETS, start.descriptors(), peak,
                end.descriptors(), start.threads(), end.threads());
        assertTrue(end.descriptors() <= start.descriptors(), through + ": descriptors leaked");
        assertEquals(List.of(), ProcessResources.threadsStartedSince(start, end), through + ": threads leaked");
    }
}
