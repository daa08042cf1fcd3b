package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Cleanup;
import io.sockshell.support.JavaProcess;
import io.sockshell.support.Received;
import io.sockshell.support.ShellDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shell against real CPython peers: Python 3 ports of the tutorial's tmc.py and tms.py. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class PythonInteropTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final Cleanup cleanup = new Cleanup();
    private final ShellDriver shell = cleanup.add(new ShellDriver());

    @BeforeAll
    static void needsPython3() throws Exception {
        boolean present;
        try (JavaProcess python = JavaProcess.start(List.of("python3", "--version"))) {
            present = python.exitCode(BOUND) == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "python3 is not installed");
    }

    @AfterEach
    void closeEverything() throws Exception {
        cleanup.closeAll();
    }

    private static String program(String name) throws Exception {
        return Path.of(PythonInteropTest.class.getResource("/python/" + name).toURI()).toString();
    }

    @Test
    void shellServesThePythonEchoClient() throws Exception {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s 1");
        shell.ok("settimeout s 20");
        JavaProcess client = cleanup.add(JavaProcess.start(List.of("python3", program("tmc.py"), "127.0.0.1",
                String.valueOf(shell.port("s")), "abc")));

        assertTrue(shell.value("accept s conn").matches("\\('127\\.0\\.0\\.1', \\d+\\)"));
        shell.ok("settimeout conn 20");
        assertEquals("b'abc'", shell.value("recv conn 1000000"));
        assertEquals("", shell.ok("sendall conn \"abc\"*10000"));
        shell.ok("close conn");

        assertEquals(0, client.exitCode(BOUND), () -> client.stderr().text());
        List<String> lines = client.stdout().awaitClosed(BOUND).lines().toList();
        assertEquals("total 30000", lines.get(lines.size() - 1));
        assertEquals("", client.stderr().awaitClosed(BOUND));
    }

    @Test
    void shellIsAClientOfThePythonEchoServer() throws Exception {
        JavaProcess server = cleanup.add(JavaProcess.start(List.of("python3", program("tms.py"), "0")));
        Matcher port = Pattern.compile("port (\\d+)\n").matcher(server.stdout().awaitContains("\n", BOUND));
        assertTrue(port.lookingAt(), () -> server.stdout().text() + server.stderr().text());

        shell.ok("socket c");
        shell.ok("settimeout c 20");
        shell.ok("connect c 127.0.0.1 " + port.group(1));
        int clientPort = shell.port("c");
        assertEquals("3", shell.value("send c \"abc\""));
        server.stdout().awaitContains("waiting for go-ahead", BOUND);
        assertEquals("[1] pending: recv c 1000000", shell.value("recv c 1000000 &"));
        assertEquals("[1] running  recv c 1000000", shell.value("jobs"));

        server.type("\n");
        List<String> report = shell.ok("wait").lines().toList();
        assertEquals("[1] done: recv c 1000000", report.get(0));
        int total = Received.length(report.get(1));
        String chunk;
        while (!(chunk = shell.value("recv c 1000000")).equals("b''")) {
            total += Received.length(chunk);
        }
        assertEquals(30000, total);
        shell.ok("close c");

        assertEquals(0, server.exitCode(BOUND), () -> server.stderr().text());
        String out = server.stdout().awaitClosed(BOUND);
        assertEquals(List.of("port " + port.group(1), "client is at ('127.0.0.1', " + clientPort + ")",
                "waiting for go-ahead", "sent 30000"), out.lines().toList());
    }
}
