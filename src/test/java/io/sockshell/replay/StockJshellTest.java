package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.py.Python;
import io.sockshell.support.Cleanup;
import io.sockshell.support.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tutorial script runs unchanged in the JDK's own jshell, with its default engine (snippets
 * in a second JVM), given its arguments and keyboard lines the way jshell-scripts/README.md says
 * ({@code SOCKSHELL_ARGS}, {@code SOCKSHELL_INPUT}); servers and clients run against each other,
 * one jshell each. The tutorial's servers do not say which port the system chose for them, so
 * each gets a port that was free a moment before (and another should something take it first).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StockJshellTest {
    private static final Path JSHELL = Path.of(System.getProperty("java.home"), "bin", "jshell");
    private static final Duration BOUND = Duration.ofSeconds(120);
    /** What jshell prints when a snippet does not compile or throws. */
    private static final List<String> FAILURES = List.of("|  Error:", "|  Exception", "|  Caused by",
            "WARNING: A restricted method");
    private static final Pattern RECEIVED = Pattern.compile("received (\\d+) bytes");
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Pattern FINAL_VALUE = Pattern.compile("the final value of v is (\\w*)");

    private final Cleanup cleanup = new Cleanup();

    /**
     * jshell keeps its settings in the user's Java preferences, behind a file lock that jshells
     * started at the same moment (two clients here, or another build on the machine) contend
     * for, and one gives up when the machine is busy: each jshell gets a folder of its own.
     */
    @TempDir
    static Path preferences;

    @BeforeAll
    static void findJshell() {
        Assumptions.assumeTrue(Files.isExecutable(JSHELL), "no jshell beside " + System.getProperty("java.home"));
    }

    @AfterEach
    void closeEverything() throws Exception {
        cleanup.closeAll();
    }

    @Test
    void sendallScriptShowsThePartialSendsAndTheNonblockingError() throws Exception {
        String out = finished(jshell("sendall.jsh", "", null));
        assertTrue(out.contains("the reader received 4000000 bytes"), out);
        assertTrue(out.contains(
                "sendall() on a nonblocking socket: BlockingIOError: [Errno 11] Resource temporarily unavailable"), out);
    }

    @Test
    void echoClientGetsTenThousandCopiesFromTheEchoServer() throws Exception {
        Server server = server("tms.jsh", "{PORT}", "");
        String client = finished(jshell("tmc.jsh", "127.0.0.1 " + server.port + " abc", null));
        assertEquals(30000, receivedBytes(client), client);
        assertTrue(client.contains("b'abcabc"), client);
        assertTrue(finished(server.process).contains("client is at ('127.0.0.1', "));
    }

    @Test
    void remoteWAndPsServerAnswersItsClientOneAfterTheOther() throws Exception {
        Server server = server("svr.jsh", "{PORT}", null);
        String w = finished(jshell("wps.jsh", "127.0.0.1 " + server.port + " w", null));
        assertTrue(w.contains("load average"), w);
        String ps = finished(jshell("wps.jsh", "127.0.0.1 " + server.port + " ps", null));
        assertTrue(ps.contains("PID"), ps);
        String served = server.process.stdout().awaitCount("client is at", 2, BOUND);
        assertFailureFree(served);
    }

    @ParameterizedTest
    @ValueSource(strings = {"strsvr.jsh {PORT}", "selectsvr.jsh {PORT} 127.0.0.1 select",
        "selectsvr.jsh {PORT} 127.0.0.1 poll"})
    void letterServerCollectsBothClientsLetters(String serverCommand) throws Exception {
        String[] words = serverCommand.split(" ", 2);
        Server server = server(words[0], words[1], null);
        JavaProcess first = jshell("strclnt.jsh", "127.0.0.1 " + server.port, "a\nb\n\n");
        JavaProcess second = jshell("strclnt.jsh", "127.0.0.1 " + server.port, "x\ny\n\n");
        finished(first);
        finished(second);
        String out = finished(server.process);
        Matcher value = FINAL_VALUE.matcher(out);
        assertTrue(value.find(), out);
        String letters = value.group(1);
        assertEquals("abxy", letters.chars().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(), out);
        assertTrue(letters.indexOf('a') < letters.indexOf('b') && letters.indexOf('x') < letters.indexOf('y'), out);
    }

    @Test
    void selectEchoServerEchoesEveryClientAndCountsThem() throws Exception {
        JavaProcess server = jshell("selectecho.jsh", "0 2", null);
        Matcher listening = LISTENING.matcher(server.stdout().await(
                text -> LISTENING.matcher(text).find(), BOUND, "the server listening"));
        assertTrue(listening.find());
        int port = Integer.parseInt(listening.group(1));
        for (String message : List.of("hello one", "hello two")) {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
                client.setSoTimeout(30_000);
                OutputStream toServer = client.getOutputStream();
                toServer.write((message + "\n").getBytes(StandardCharsets.US_ASCII));
                toServer.flush();
                BufferedReader fromServer = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                assertEquals(message, fromServer.readLine());
            }
        }
        assertTrue(finished(server).contains("clients 2 bytes 20 selects"));
    }

    @Test
    void unixEchoClientGetsItsStringBackOverAPath(@TempDir Path folder) throws Exception {
        Path path = folder.resolve("echo.sock");
        JavaProcess server = jshell("unixsvr.jsh", path.toString(), null);
        if (!awaitListening(server, () -> listeningAt(path))) {
            fail("unixsvr.jsh ended before it listened at " + path + ":\n" + server.stdout().text());
        }
        String client = finished(jshell("unixclnt.jsh", path + " hello", null));
        assertTrue(client.contains("connected as '' to '" + path + "'"), client);
        assertTrue(client.contains("b'hello'"), client);
        assertTrue(finished(server).contains("echoing 5 bytes"));
        assertFalse(Files.exists(path), "the server removes its socket file at the end");
    }

    /** A server script started in stock jshell and listening on {@link #port}. */
    private record Server(JavaProcess process, int port) {
    }

    /** Starts {@code script} with {@code arguments} ({@code {PORT}} for its port) and waits for it to listen. */
    private Server server(String script, String arguments, String keyboard) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            JavaProcess process = jshell(script, arguments.replace("{PORT}", Integer.toString(port)), keyboard);
            if (awaitListening(process, () -> listening(port))) {
                return new Server(process, port);
            }
            String out = process.stdout().text();
            if (!out.contains("[Errno 98]") || attempt == 3) {
                fail(script + " ended before it listened on " + port + ":\n" + out);
            }
        }
    }

    /** A look at the kernel's tables. */
    @FunctionalInterface
    private interface KernelCheck {
        boolean holds() throws IOException;
    }

    /** Waits, bounded, until the server listens; false if it ended first. */
    private static boolean awaitListening(JavaProcess server, KernelCheck listening) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!listening.holds()) {
            // Waiting on the server's end doubles as the pause between looks.
            if (server.ended(Duration.ofMillis(20))) {
                return listening.holds();
            }
            if (System.nanoTime() > deadline) {
                fail("the server did not listen within " + BOUND + ":\n" + server.stdout().text());
            }
        }
        return true;
    }

    /**
     * Whether an AF_UNIX socket listens at {@code path}, as the kernel lists them: the flags of
     * a listening socket are {@code __SO_ACCEPTCON} (00010000).
     */
    private static boolean listeningAt(Path path) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 8 && fields[3].equals("00010000") && fields[7].equals(path.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a socket of this machine listens on TCP {@code port}, as the kernel lists them. */
    private static boolean listening(int port) throws IOException {
        String localPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(localPort) && fields[3].equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code jshell --class-path CLASSES jshell-scripts/SCRIPT} with no keyboard of its own. */
    private JavaProcess jshell(String script, String arguments, String keyboard) throws IOException {
        List<String> command = new ArrayList<>(List.of(JSHELL.toString(), "--class-path", classes(),
                "-J-Djava.util.prefs.userRoot=" + Files.createTempDirectory(preferences, "jshell")));
        if (Runtime.version().feature() >= 22) {
            // The snippets run in jshell's remote JVM, where the posix backend makes its calls.
            command.add("-R--enable-native-access=ALL-UNNAMED");
        }
        command.add(Path.of("jshell-scripts", script).toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.environment().put("SOCKSHELL_ARGS", arguments);
        if (keyboard != null) {
            builder.environment().put("SOCKSHELL_INPUT", keyboard);
        }
        JavaProcess process = cleanup.add(JavaProcess.start(builder));
        // At the end of its input jshell exits, as after /exit, once the script has run.
        process.endInput();
        return process;
    }

    /** The output of a jshell that ended by itself, with no snippet failing. */
    private static String finished(JavaProcess process) throws InterruptedException {
        process.exitCode(BOUND);
        String out = process.stdout().awaitClosed(BOUND);
        assertFailureFree(out);
        return out;
    }

    private static void assertFailureFree(String out) {
        List<String> failures = FAILURES.stream().filter(out::contains).collect(Collectors.toList());
        assertTrue(failures.isEmpty(), "jshell reported " + failures + ":\n" + out);
    }

    private static int receivedBytes(String out) {
        int total = 0;
        for (Matcher m = RECEIVED.matcher(out); m.find(); ) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }

    /** Where the facade's classes are: target/classes during {@code mvn test}. */
    private static String classes() {
        try {
            return Path.of(Python.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
