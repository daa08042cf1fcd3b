package io.sockshell.py.conductor;

import static io.sockshell.py.Python.AF_INET;
import static io.sockshell.py.Python.AF_UNIX;
import static io.sockshell.py.Python.SOCK_STREAM;
import static io.sockshell.py.Python.addr;
import static io.sockshell.py.Python.b;
import static io.sockshell.py.Python.decode;
import static io.sockshell.py.Python.input;
import static io.sockshell.py.Python.print;
import static io.sockshell.py.Python.socket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.Family;
import io.sockshell.engine.PyBytes;
import io.sockshell.py.AcceptedPair;
import io.sockshell.py.BlockingIOError;
import io.sockshell.py.OSError;
import io.sockshell.py.PyException;
import io.sockshell.py.PySocket;
import io.sockshell.py.TimeoutError;
import io.sockshell.py.runtime.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Programs in plain threads taking turns under a conductor: same order every time, no hang. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConductorTest {
    /** The port the server of a test listens on, for its client. */
    private final AtomicInteger serverPort = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"AF_INET", "AF_UNIX"})
    void anEchoPairPrintsInTheSameOrderEveryTime(Family family, @TempDir Path folder) throws Exception {
        String log = sameLogEveryRun(20, run -> {
            String path = folder.resolve("echo-" + run + ".sock").toString();
            Map<String, Body> programs = new LinkedHashMap<>();
            programs.put("server", () -> {
                PySocket conn = listener(family, path).accept().conn();
                print("got", conn.recv(100));
                conn.sendall(b("abc").repeat(20000));
                conn.close();
            });
            programs.put("client", () -> {
                PySocket s = connected(family, path);
                s.send(b("hello"));
                while (true) {
                    int n = s.recv(1000000).length();
                    print("received", n);
                    if (n == 0) {
                        break;
                    }
                }
            });
            return programs;
        });
        assertEquals(String.join("\n",
                "server: -- accept() waits: no client has connected yet",
                "client: -- recv() waits: nothing has arrived yet",
                "server: -- accept() goes on",
                "server: got b'hello'",
                "client: -- recv() goes on",
                "client: received 60000",
                "client: received 0",
                ""), log);
    }

    /**
     * A connect to a path nobody listens on fails as in CPython, at a stale file (left by a
     * replayed listener that closed) and at no file, and the pair still goes on after it.
     */
    @Test
    void aConnectWhereNobodyListensRaisesCPythonsErrorAndThePairGoesOn(@TempDir Path folder) throws Exception {
        String stale = folder.resolve("stale.sock").toString();
        String live = folder.resolve("live.sock").toString();
        Conductor conductor = new Conductor(List.of(), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("server", () -> {
            listener(AF_UNIX, stale).close();
            PySocket conn = listener(AF_UNIX, live).accept().conn();
            conn.sendall(conn.recv(100).repeat(2));
            conn.close();
        });
        programs.put("client", () -> {
            for (String path : List.of(stale, folder.resolve("nobody.sock").toString())) {
                try {
                    connected(AF_UNIX, path);
                } catch (OSError e) {
                    print(e.getMessage());
                }
            }
            PySocket s = connected(AF_UNIX, live);
            s.sendall(b("hi"));
            print(s.recv(100));
            print(s.recv(100));
        });
        String log = run(conductor, programs);
        assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
        assertEquals(String.join("\n",
                "server: -- accept() waits: no client has connected yet",
                "client: ConnectionRefusedError: [Errno 111] Connection refused",
                "client: FileNotFoundError: [Errno 2] No such file or directory",
                "client: -- recv() waits: nothing has arrived yet",
                "server: -- accept() goes on",
                "client: -- recv() goes on",
                "client: b'hihi'",
                "client: b''",
                ""), log);
    }

    /**
     * TCP and AF_UNIX in one replay: a server listening on both, a TCP client, and a program
     * with two AF_UNIX clients, one bound to no path and one to a path of its own. The server
     * reads its connections in the other order than they came, so each must be told apart.
     */
    @Test
    void tcpAndAfUnixClientsOfOneServerAreToldApart(@TempDir Path folder) throws Exception {
        String log = sameLogEveryRun(10, run -> {
            String path = folder.resolve("server-" + run + ".sock").toString();
            String named = folder.resolve("client-" + run + ".sock").toString();
            Map<String, Body> programs = new LinkedHashMap<>();
            programs.put("server", () -> {
                PySocket local = listener(AF_UNIX, path);
                PySocket tcp = listener(AF_INET, null);
                AcceptedPair unnamedClient = local.accept();
                AcceptedPair namedClient = local.accept();
                AcceptedPair tcpClient = tcp.accept();
                for (AcceptedPair client : List.of(tcpClient, namedClient, unnamedClient)) {
                    PyBytes data = client.conn().recv(100);
                    print(data, "over", client.addr().family());
                    client.conn().sendall(b("echo ").concat(data));
                    client.conn().close();
                }
            });
            programs.put("unix", () -> {
                PySocket unnamed = connected(AF_UNIX, path);
                PySocket own = socket(AF_UNIX, SOCK_STREAM);
                own.bind(named);
                own.connect(path);
                unnamed.sendall(b("one"));
                own.sendall(b("two"));
                print(own.recv(100));
                print(unnamed.recv(100));
            });
            programs.put("tcp", () -> {
                PySocket s = connected(AF_INET, null);
                s.sendall(b("three"));
                print(s.recv(100));
            });
            return programs;
        });
        assertTrue(log.contains("server: b'three' over AF_INET\nserver: b'two' over AF_UNIX\n"
                + "server: b'one' over AF_UNIX\n"), log);
        assertTrue(log.contains("unix: b'echo two'\nunix: b'echo one'\n"), log);
        assertTrue(log.contains("tcp: b'echo three'\n"), log);
    }

    /** A socket listening at AF_UNIX {@code path}, or on a loopback port given to {@link #serverPort}. */
    private PySocket listener(Family family, String path) {
        PySocket s = socket(family, SOCK_STREAM);
        if (family == AF_UNIX) {
            s.bind(path);
        } else {
            s.bind(addr("127.0.0.1", 0));
        }
        s.listen(2);
        if (family != AF_UNIX) {
            serverPort.set(s.getsockname().port());
        }
        return s;
    }

    /** A socket connected to a {@link #listener} of the same family. */
    private PySocket connected(Family family, String path) {
        PySocket s = socket(family, SOCK_STREAM);
        if (family == AF_UNIX) {
            s.connect(path);
        } else {
            s.connect(addr("127.0.0.1", serverPort.get()));
        }
        return s;
    }

    /**
     * Runs the programs {@code programs} makes for each run, {@code runs} times; each run must
     * finish and print the same log. Returns that log.
     */
    private static String sameLogEveryRun(int runs, IntFunction<Map<String, Body>> programs) throws Exception {
        String first = null;
        for (int run = 0; run < runs; run++) {
            Conductor conductor = new Conductor(List.of(), 10);
            String log = run(conductor, programs.apply(run));
            assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
            if (first == null) {
                first = log;
            }
            assertEquals(first, log);
        }
        return first;
    }

    @Test
    void programsWaitingForEachOtherAreStoppedAtOnce() throws Exception {
        Conductor conductor = new Conductor(List.of(), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("server", () -> {
            PySocket s = listener(AF_INET, null);
            s.accept().conn().recv(1);
        });
        programs.put("client", () -> {
            PySocket s = connected(AF_INET, null);
            s.recv(1);
        });
        long start = System.nanoTime();
        String log = run(conductor, programs);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), log);
        assertEquals(Conductor.Outcome.STUCK, conductor.outcome());
        assertTrue(log.contains("server: KeyboardInterrupt"), log);
        assertTrue(log.contains("client: KeyboardInterrupt"), log);
    }

    @Test
    void aTimeoutRunsOutWhenNothingElseCanHappen() throws Exception {
        Conductor conductor = new Conductor(List.of(), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("server", () -> {
            PySocket s = listener(AF_INET, null);
            PySocket conn = s.accept().conn();
            conn.settimeout(600.0);
            try {
                conn.recv(1);
            } catch (TimeoutError e) {
                print("timed out");
            }
            conn.close();
        });
        programs.put("client", () -> {
            PySocket s = connected(AF_INET, null);
            print("end", s.recv(1));
        });
        String log = run(conductor, programs);
        assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
        assertTrue(log.contains("server: timed out\n"), log);
        assertTrue(log.contains("client: end b''\n"), log);
    }

    @Test
    void keyboardLinesGoWhereTheScriptSays() throws Exception {
        Conductor conductor = new Conductor(List.of(
                new Conductor.KeyLine("b", "1"), new Conductor.KeyLine("a", "2"),
                new Conductor.KeyLine("a", "3"), new Conductor.KeyLine(null, "4")), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("a", () -> {
            input(">");
            input(">");
        });
        programs.put("b", () -> {
            input(">");
            input(">");
        });
        String log = run(conductor, programs);
        assertEquals("b: >1\na: >2\na: >3\nb: >4\n", log);
    }

    @Test
    void aKeyboardLineForAProgramThatDoesNotReadStopsTheRun() throws Exception {
        Conductor conductor = new Conductor(List.of(new Conductor.KeyLine("b", "x")), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("a", () -> input(">"));
        programs.put("b", () -> print("b never reads"));
        String log = run(conductor, programs);
        assertEquals(Conductor.Outcome.ABORTED, conductor.outcome(), log);
        assertTrue(conductor.abortReason().startsWith("the next keyboard line is for b, which is finished"),
                conductor.abortReason());
    }

    @Test
    void aPollingServerGetsEveryLetterInTurn() throws Exception {
        Conductor conductor = new Conductor(List.of(new Conductor.KeyLine("client", "q"),
                new Conductor.KeyLine("client", "")), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("server", () -> {
            PySocket s = listener(AF_INET, null);
            PySocket conn = s.accept().conn();
            conn.setblocking(false);
            StringBuilder letters = new StringBuilder();
            while (true) {
                try {
                    String k = decode(conn.recv(1));
                    if (k.isEmpty()) {
                        break;
                    }
                    letters.append(k);
                    conn.send(b(letters.toString()));
                } catch (BlockingIOError e) {
                    continue;
                }
            }
            print("letters", letters.toString());
        });
        programs.put("client", () -> {
            PySocket s = connected(AF_INET, null);
            while (true) {
                String k = input("letter:");
                if (k.isEmpty()) {
                    break;
                }
                s.send(b(k));
                print(decode(s.recv(10)));
            }
            s.close();
        });
        String log = run(conductor, programs);
        assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
        assertTrue(log.endsWith("server: letters q\n"), log);
        assertFalse(log.contains("KeyboardInterrupt"), log);
    }

    /** The code of one program. */
    @FunctionalInterface
    private interface Body {
        void run();
    }

    /** Runs the programs under the conductor, each in a thread; returns the log of all they printed. */
    private static String run(Conductor conductor, Map<String, Body> programs) throws InterruptedException {
        StringBuffer log = new StringBuffer();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, Body> entry : programs.entrySet()) {
            String label = entry.getKey();
            Conductor.Side side = conductor.join(label);
            LineLog lines = new LineLog(label, log);
            Program program = Program.builder()
                    .out(lines::append)
                    .notes(note -> lines.append("-- " + note + "\n"))
                    .transport(side::transport)
                    .build();
            Thread thread = new Thread(() -> {
                Program.bind(program);
                try {
                    if (side.start()) {
                        entry.getValue().run();
                    }
                } catch (PyException e) {
                    lines.append(e.getMessage() + "\n");
                } finally {
                    program.closeAll();
                    side.finish();
                }
            }, "conductor test " + label);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        conductor.begin();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(thread.isAlive(), thread.getName() + " did not end");
        }
        return log.toString();
    }

    /** Collects one program's output into the shared log, one labelled line at a time. */
    private static final class LineLog {
        private final String label;
        private final StringBuffer log;
        private final StringBuilder partial = new StringBuilder();

        LineLog(String label, StringBuffer log) {
            this.label = label;
            this.log = log;
        }

        synchronized void append(String text) {
            partial.append(text);
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                // One append per line: the programs' logs share the buffer, and three appends could interleave.
                log.append(label + ": " + partial.substring(0, newline + 1));
                partial.delete(0, newline + 1);
            }
        }
    }
}
