package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.PythonRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java scripts against the tutorial's Python programs, both ways round: each Java client
 * with the Python server, each Java server with the Python client. Python 2 runs the originals;
 * without it, Python 3 runs our ports. Servers start on port 0 and pass their port along.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InteropTest {
    private static final long WAIT = 20;
    private static final Pattern RECEIVED = Pattern.compile("received (\\d+) bytes");

    private static PythonRuntime python;

    @BeforeAll
    static void findPython() {
        Optional<PythonRuntime> found = PythonRuntime.find();
        Assumptions.assumeTrue(found.isPresent(), "no Python 2 or 3 on this machine");
        python = found.get();
    }

    @Test
    void javaEchoClientWithPythonServer() throws Exception {
        try (PythonProcess server = PythonProcess.start(python, "tms.py", List.of("0"), "\n")) {
            int port = server.listeningPort(WAIT);
            ReplayRun client = ReplayRun.of(List.of("--color=never", "jshell-scripts/tmc.jsh", "127.0.0.1",
                    Integer.toString(port), "abc"), "");
            assertEquals(0, client.status(), client.transcript());
            assertEquals(30000, receivedBytes(client.out()), client.out());
            assertTrue(client.out().contains("\nb'abcabc"), client.out());
            assertEquals(0, server.awaitExit(WAIT), server.errors());
            assertTrue(server.output().contains("client is at ('127.0.0.1', "), server.output());
        }
    }

    @Test
    void pythonEchoClientWithJavaServer() throws Exception {
        BackgroundReplay server = BackgroundReplay.start("tms.jsh", List.of("0"), List.of(""));
        int port = server.listeningPort(WAIT);
        try (PythonProcess client = PythonProcess.start(python, "tmc.py", List.of("127.0.0.1",
                Integer.toString(port), "abc"), "")) {
            assertEquals(0, client.awaitExit(WAIT), client.errors());
            assertEquals(30000, receivedBytes(client.output()), client.output());
            assertTrue(client.output().startsWith("abcabc"), client.output());
        }
        assertEquals(0, server.awaitStatus(WAIT), server.output());
        assertTrue(server.output().contains("client is at ('127.0.0.1', "), server.output());
    }

    @Test
    void javaCommandClientWithPythonServer() throws Exception {
        try (PythonProcess server = PythonProcess.start(python, "svr.py", List.of("0"), "")) {
            int port = server.listeningPort(WAIT);
            ReplayRun client = ReplayRun.of(List.of("--color=never", "jshell-scripts/wps.jsh", "127.0.0.1",
                    Integer.toString(port), "w"), "");
            assertEquals(0, client.status(), client.transcript());
            assertTrue(client.out().matches("(?s).*\n.* up .*load average.*"), client.out());
        }
    }

    @Test
    void pythonCommandClientWithJavaServer() throws Exception {
        BackgroundReplay server = BackgroundReplay.start("svr.jsh", List.of("0"), List.of());
        int port = server.listeningPort(WAIT);
        try (PythonProcess client = PythonProcess.start(python, "wps.py", List.of("127.0.0.1",
                Integer.toString(port), "ps"), "")) {
            assertEquals(0, client.awaitExit(WAIT), client.errors());
            assertTrue(client.output().contains("PID"), client.output());
        }
        server.stop();
        server.awaitStatus(WAIT);
        assertTrue(server.output().contains("client is at ('127.0.0.1', "), server.output());
    }

    @Test
    void javaLetterClientsWithPythonNonblockingServer() throws Exception {
        try (PythonProcess server = PythonProcess.start(python, "strsvr.py", List.of("0"), "")) {
            int port = server.listeningPort(WAIT);
            BackgroundClient first = BackgroundClient.start(port, List.of("a", "b", ""));
            BackgroundClient second = BackgroundClient.start(port, List.of("x", "y", ""));
            assertEquals(0, first.awaitStatus(WAIT), first.output());
            assertEquals(0, second.awaitStatus(WAIT), second.output());
            assertEquals(0, server.awaitExit(WAIT), server.errors());
            assertEquals("abxy", sortedLetters(finalValue(server.output())), server.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"strsvr.jsh", "selectsvr.jsh select", "selectsvr.jsh poll"})
    void pythonLetterClientsWithJavaServer(String server) throws Exception {
        String[] words = server.split(" ");
        List<String> arguments = words.length > 1 ? List.of("0", "127.0.0.1", words[1]) : List.of("0");
        BackgroundReplay replay = BackgroundReplay.start(words[0], arguments, List.of());
        int port = replay.listeningPort(WAIT);
        try (PythonProcess first = PythonProcess.start(python, "strclnt.py", List.of("127.0.0.1",
                Integer.toString(port)), "a\nb\n\n");
             PythonProcess second = PythonProcess.start(python, "strclnt.py", List.of("127.0.0.1",
                     Integer.toString(port)), "x\ny\n\n")) {
            assertEquals(0, first.awaitExit(WAIT), first.errors());
            assertEquals(0, second.awaitExit(WAIT), second.errors());
        }
        assertEquals(0, replay.awaitStatus(WAIT), replay.output());
        assertEquals("abxy", sortedLetters(finalValue(replay.output())), replay.output());
    }

    private static int receivedBytes(String output) {
        int total = 0;
        Matcher matcher = RECEIVED.matcher(output);
        while (matcher.find()) {
            total += Integer.parseInt(matcher.group(1));
        }
        return total;
    }

    private static String finalValue(String output) {
        Matcher matcher = Pattern.compile("the final value of v is (\\S*)").matcher(output);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String sortedLetters(String text) {
        char[] letters = text.toCharArray();
        Arrays.sort(letters);
        return new String(letters);
    }

    /**
     * strclnt.jsh replayed on its own, typing the given letters, in a thread of its own: the
     * server waits for both clients before it answers either, so they must run at once.
     */
    private static final class BackgroundClient {
        private final CompletableFuture<ReplayRun> run;

        private BackgroundClient(CompletableFuture<ReplayRun> run) {
            this.run = run;
        }

        static BackgroundClient start(int port, List<String> letters) {
            List<String> arguments = new ArrayList<>(List.of("--color=never"));
            for (String letter : letters) {
                arguments.add("--input=" + letter);
            }
            arguments.addAll(List.of("jshell-scripts/strclnt.jsh", "127.0.0.1", Integer.toString(port)));
            CompletableFuture<ReplayRun> run = new CompletableFuture<>();
            Thread thread = new Thread(() -> run.complete(ReplayRun.of(arguments, "")), "strclnt replay");
            thread.setDaemon(true);
            thread.start();
            return new BackgroundClient(run);
        }

        int awaitStatus(long seconds) throws Exception {
            return run.get(seconds, TimeUnit.SECONDS).status();
        }

        String output() {
            return run.getNow(new ReplayRun(-1, "(still running)", "")).transcript();
        }
    }
}
