package io.sockshell.py.conductor;

import static io.sockshell.py.Python.AF_INET;
import static io.sockshell.py.Python.AF_UNIX;
import static io.sockshell.py.Python.SOCK_STREAM;
import static io.sockshell.py.Python.addr;
import static io.sockshell.py.Python.b;
import static io.sockshell.py.Python.decode;
import static io.sockshell.py.Python.input;
import static io.sockshell.py.Python.print;
import static io.sockshell.py.Python.repr;
import static io.sockshell.py.Python.socket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.PyBytes;
import io.sockshell.py.AcceptedPair;
import io.sockshell.py.BlockingIOError;
import io.sockshell.py.OSError;
import io.sockshell.py.PyException;
import io.sockshell.py.PySocket;
import io.sockshell.py.TimeoutError;
import io.sockshell.py.runtime.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Programs in plain threads taking turns under a conductor: same order every time, no hang. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConductorTest {
    /** The port the server of a test listens on, for its client. */
    private final AtomicInteger serverPort = new AtomicInteger();

    @Test
    void anEchoPairPrintsInTheSameOrderEveryTime() throws Exception {
        String first = null;
        for (int run = 0; run < 20; run++) {
            Conductor conductor = new Conductor(List.of(), 10);
            Map<String, Body> programs = new LinkedHashMap<>();
            programs.put("server", () -> {
                PySocket s = socket(AF_INET, SOCK_STREAM);
                s.bind(addr("127.0.0.1", 0));
                s.listen(1);
                serverPort.set(s.getsockname().port());
                PySocket conn = s.accept().conn();
                print("got", conn.recv(100));
                conn.sendall(b("abc").repeat(20000));
                conn.close();
            });
            programs.put("client", () -> {
                PySocket s = socket(AF_INET, SOCK_STREAM);
                s.connect(addr("127.0.0.1", serverPort.get()));
                s.send(b("hello"));
                while (true) {
                    int n = s.recv(1000000).length();
                    print("received", n);
                    if (n == 0) {
                        break;
                    }
                }
            });
            String log = run(conductor, programs);
            assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
            if (first == null) {
                first = log;
            }
            assertEquals(first, log);
        }
        assertEquals(String.join("\n",
                "server: -- accept() waits: no client has connected yet",
                "client: -- recv() waits: nothing has arrived yet",
                "server: -- accept() goes on",
                "server: got b'hello'",
                "client: -- recv() goes on",
                "client: received 60000",
                "client: received 0",
                ""), first);
    }

    @Test
    void anAfUnixEchoPairPrintsInTheSameOrderEveryTime(@TempDir Path folder) throws Exception {
        String first = null;
        for (int run = 0; run < 20; run++) {
            String path = folder.resolve("echo-" + run + ".sock").toString();
            Conductor conductor = new Conductor(List.of(), 10);
            Map<String, Body> programs = new LinkedHashMap<>();
            programs.put("server", () -> {
                PySocket s = socket(AF_UNIX, SOCK_STREAM);
                s.bind(path);
                s.listen(1);
                AcceptedPair accepted = s.accept();
                print("client at", repr(accepted.addr()));
                print("got", accepted.conn().recv(100));
                accepted.conn().sendall(b("abc").repeat(20000));
                accepted.conn().close();
            });
            programs.put("client", () -> {
                PySocket s = socket(AF_UNIX, SOCK_STREAM);
                s.connect(path);
                s.send(b("hello"));
                while (true) {
                    int n = s.recv(1000000).length();
                    print("received", n);
                    if (n == 0) {
                        break;
                    }
                }
            });
            String log = run(conductor, programs);
            assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
            if (first == null) {
                first = log;
            }
            assertEquals(first, log);
        }
        assertEquals(String.join("\n",
                "server: -- accept() waits: no client has connected yet",
                "client: -- recv() waits: nothing has arrived yet",
                "server: -- accept() goes on",
                "server: client at ''",
                "server: got b'hello'",
                "client: -- recv() goes on",
                "client: received 60000",
                "client: received 0",
                ""), first);
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
            PySocket old = socket(AF_UNIX, SOCK_STREAM);
            old.bind(stale);
            old.listen(1);
            old.close();
            PySocket s = socket(AF_UNIX, SOCK_STREAM);
            s.bind(live);
            s.listen(1);
            PySocket conn = s.accept().conn();
            conn.sendall(conn.recv(100).repeat(2));
            conn.close();
        });
        programs.put("client", () -> {
            for (String path : List.of(stale, folder.resolve("nobody.sock").toString())) {
                try {
                    socket(AF_UNIX, SOCK_STREAM).connect(path);
                } catch (OSError e) {
                    print(e.getMessage());
                }
            }
            PySocket s = socket(AF_UNIX, SOCK_STREAM);
            s.connect(live);
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
        String path = folder.resolve("server.sock").toString();
        String named = folder.resolve("client.sock").toString();
        String first = null;
        for (int run = 0; run < 10; run++) {
            Conductor conductor = new Conductor(List.of(), 10);
            Map<String, Body> programs = new LinkedHashMap<>();
            programs.put("server", () -> {
                PySocket local = socket(AF_UNIX, SOCK_STREAM);
                local.bind(path);
                local.listen(2);
                PySocket tcp = socket(AF_INET, SOCK_STREAM);
                tcp.bind(addr("127.0.0.1", 0));
                tcp.listen(1);
                serverPort.set(tcp.getsockname().port());
                AcceptedPair unnamedClient = local.accept();
                AcceptedPair namedClient = local.accept();
                AcceptedPair tcpClient = tcp.accept();
                for (AcceptedPair client : List.of(tcpClient, namedClient, unnamedClient)) {
                    PyBytes data = client.conn().recv(100);
                    print(data, "over", client.addr().family());
                    client.conn().sendall(b("echo ").concat(data));
                    client.conn().close();
                }
                local.close();
                tcp.close();
            });
            programs.put("unix", () -> {
                PySocket unnamed = socket(AF_UNIX, SOCK_STREAM);
                unnamed.connect(path);
                PySocket own = socket(AF_UNIX, SOCK_STREAM);
                own.bind(named);
                own.connect(path);
                unnamed.sendall(b("one"));
                own.sendall(b("two"));
                print(own.recv(100));
                print(unnamed.recv(100));
            });
            programs.put("tcp", () -> {
                PySocket s = socket(AF_INET, SOCK_STREAM);
                s.connect(addr("127.0.0.1", serverPort.get()));
                s.sendall(b("three"));
                print(s.recv(100));
            });
            String log = run(conductor, programs);
            Files.deleteIfExists(Path.of(path));
            Files.deleteIfExists(Path.of(named));
            assertEquals(Conductor.Outcome.FINISHED, conductor.outcome(), log);
            if (first == null) {
                first = log;
            }
            assertEquals(first, log);
        }
        assertTrue(first.contains("server: b'three' over AF_INET\nserver: b'two' over AF_UNIX\n"
                + "server: b'one' over AF_UNIX\n"), first);
        assertTrue(first.contains("unix: b'echo two'\nunix: b'echo one'\n"), first);
        assertTrue(first.contains("tcp: b'echo three'\n"), first);
    }

    @Test
    void programsWaitingForEachOtherAreStoppedAtOnce() throws Exception {
        Conductor conductor = new Conductor(List.of(), 10);
        Map<String, Body> programs = new LinkedHashMap<>();
        programs.put("server", () -> {
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.bind(addr("127.0.0.1", 0));
            s.listen(1);
            serverPort.set(s.getsockname().port());
            s.accept().conn().recv(1);
        });
        programs.put("client", () -> {
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.connect(addr("127.0.0.1", serverPort.get()));
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
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.bind(addr("127.0.0.1", 0));
            s.listen(1);
            serverPort.set(s.getsockname().port());
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
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.connect(addr("127.0.0.1", serverPort.get()));
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
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.bind(addr("127.0.0.1", 0));
            s.listen(1);
            serverPort.set(s.getsockname().port());
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
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.connect(addr("127.0.0.1", serverPort.get()));
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
