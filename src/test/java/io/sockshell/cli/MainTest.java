package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import io.sockshell.support.Cleanup;
import io.sockshell.support.JavaProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code sockshell} command as a real process: its exit codes, --help and --version, and
 * script mode on a piped standard input.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final Cleanup cleanup = new Cleanup();

    @AfterEach
    void killLeftovers() throws Exception {
        cleanup.closeAll();
    }

    private JavaProcess sockshell(String... args) throws Exception {
        return cleanup.add(JavaProcess.sockshell(args));
    }

    /** Runs a script through standard input; returns the finished process. */
    private JavaProcess script(List<String> javaOptions, String script, String... args) throws Exception {
        JavaProcess process = cleanup.add(JavaProcess.sockshell(javaOptions, args));
        process.type(script);
        process.endInput();
        return process;
    }

    @Test
    void helpDescribesTheShellAndItsExitCodes() throws Exception {
        JavaProcess process = sockshell("--help");
        assertEquals(0, process.exitCode(BOUND));
        String help = process.stdout().awaitClosed(BOUND);
        assertTrue(help.startsWith("Usage: sockshell [-hkV] [--debug] [--no-history] [--trace]"), help);
        assertTrue(help.contains("[--backend=nio|posix]"), help);
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.contains("2   usage error"), help);
        assertEquals("", process.stderr().awaitClosed(BOUND));
    }

    @Test
    void versionNamesTheBuildAndTheJava() throws Exception {
        JavaProcess process = sockshell("--version");
        assertEquals(0, process.exitCode(BOUND));
        List<String> lines = process.stdout().awaitClosed(BOUND).lines().toList();
        assertEquals("sockshell 0.1.0", lines.get(0));
        // git describe's name for the commit, "-dirty" when built with uncommitted changes;
        // "unknown" when built outside a git checkout.
        assertTrue(lines.get(1).matches("commit ([0-9a-f]{7,}(-dirty)?|unknown)"), lines.get(1));
        assertEquals("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"), lines.get(2));
    }

    @Test
    void versionSaysWhichBackendIsInUseAndWhy() throws Exception {
        JavaProcess process = sockshell("--version");
        assertEquals(0, process.exitCode(BOUND));
        List<String> lines = process.stdout().awaitClosed(BOUND).lines().toList();
        int jdk = Runtime.version().feature();
        assertEquals(Backends.posix() ? "backend: posix (JDK " + jdk + ", Linux)"
                : "backend: nio (posix needs JDK 22+, this is JDK " + jdk + ")", lines.get(3));
    }

    @Test
    void backendOptionChoosesTheBackendForTheSubcommandsToo() throws Exception {
        JavaProcess process = sockshell("--backend", "nio", "--version");
        assertEquals(0, process.exitCode(BOUND));
        assertEquals("backend: nio (chosen with --backend)", process.stdout().awaitClosed(BOUND).lines().toList().get(3));
        JavaProcess run = sockshell("check", "--backend", "nio", "transcripts/echo-pair.t");
        assertEquals(0, run.exitCode(BOUND), () -> run.stderr().text());
    }

    @Test
    void aBackendThatCannotRunIsOneLineAndExitCodeTwo() throws Exception {
        JavaProcess process = sockshell("--backend", "bogus");
        assertEquals(2, process.exitCode(BOUND));
        assertEquals(List.of("sockshell: --backend bogus: no backend called 'bogus' (there is posix, nio)"),
                process.stderr().awaitClosed(BOUND).lines().toList());
        assertEquals("", process.stdout().awaitClosed(BOUND));
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() throws Exception {
        JavaProcess process = sockshell("--bogus");
        assertEquals(2, process.exitCode(BOUND));
        String err = process.stderr().awaitClosed(BOUND);
        assertTrue(err.startsWith("Unknown option: '--bogus'"), err);
        assertEquals("", process.stdout().awaitClosed(BOUND));
    }

    @Test
    void scriptOnStandardInputRunsTheEchoExchangeAndExitsZero() throws Exception {
        JavaProcess process = script(List.of(), String.join("\n",
                "socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c 127.0.0.1 s.port",
                "accept s conn", "send c \"abc\"", "recv conn 1000000", "recv c 1000000 &", "send conn \"abc\"*10",
                "close conn", "wait", "recv c 10", "close c s", ""));
        assertEquals(0, process.exitCode(BOUND), () -> process.stderr().text());
        List<String> out = process.stdout().awaitClosed(BOUND).lines().toList();
        assertTrue(out.get(0).matches("\\('127\\.0\\.0\\.1', \\d+\\)"), out.get(0));
        assertEquals(List.of("3", "b'abc'", "[1] pending: recv c 1000000", "30", "[1] done: recv c 1000000",
                "b'abcabcabcabcabcabcabcabcabcabc'", "b''"), out.subList(1, out.size()));
        assertEquals("", process.stderr().awaitClosed(BOUND));
    }

    @Test
    void scriptStopsAtTheFirstErrorWithExitCodeOne() throws Exception {
        JavaProcess process = script(List.of(), "socket s\nrecv s 10\nsocket t\nsockets\n");
        assertEquals(1, process.exitCode(BOUND));
        assertEquals(List.of("OSError: [Errno 107] Transport endpoint is not connected",
                "<stdin>:2: stopped at this line (use --keep-going to run on after errors)"),
                process.stderr().awaitClosed(BOUND).lines().toList());
        assertEquals("", process.stdout().awaitClosed(BOUND));
    }

    @Test
    void keepGoingRunsTheRestAndStillExitsOne() throws Exception {
        JavaProcess process = script(List.of(), "socket s\nrecv s 10\nbogus\nsocket t\ngetsockname t\n", "-k");
        assertEquals(1, process.exitCode(BOUND));
        assertEquals(List.of("OSError: [Errno 107] Transport endpoint is not connected",
                "error: unknown command 'bogus' (type help for the list)"),
                process.stderr().awaitClosed(BOUND).lines().toList());
        assertEquals(List.of("('0.0.0.0', 0)"), process.stdout().awaitClosed(BOUND).lines().toList());
    }

    @Test
    void dataTooBigForTheHeapIsOneErrorLineAndTheShellGoesOn() throws Exception {
        JavaProcess process = script(List.of("-Xmx64m"), "socket c\nsend c \"abc\"*30000000\ngetsockname c\n", "-k");
        assertEquals(1, process.exitCode(BOUND));
        List<String> err = process.stderr().awaitClosed(BOUND).lines().toList();
        assertEquals(1, err.size(), () -> String.join("\n", err));
        assertTrue(err.get(0).startsWith("send: not enough memory for 90000000 bytes of data"), err.get(0));
        assertEquals(List.of("('0.0.0.0', 0)"), process.stdout().awaitClosed(BOUND).lines().toList());
    }

    @Test
    void traceOptionStartsWithTraceOnAndShowsTheClosingOfWhatTheScriptLeftOpen() throws Exception {
        JavaProcess process = script(List.of(), "socket s\nbind s 127.0.0.1 0\n", "--trace");
        assertEquals(0, process.exitCode(BOUND));
        List<String> out = process.stdout().awaitClosed(BOUND).lines().toList();
        if (Backends.posix()) {
            String fd = out.get(0).replaceAll(".* = ", "");
            assertEquals(List.of("| socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = " + fd,
                    "| bind(" + fd + ", {AF_INET, 127.0.0.1:0}, 16) = 0", "| close(" + fd + ") = 0"), out);
            return;
        }
        assertEquals(List.of("| socket(AF_INET, SOCK_STREAM) = s", "| bind(s, 127.0.0.1:0) = 0", "| close(s) = 0"), out);
    }
}
