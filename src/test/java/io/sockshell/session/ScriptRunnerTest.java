package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Script mode: lines from a reader, no prompt, stop at the first failure unless told to keep going. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ScriptRunnerTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final Session session = new Session(new PrintWriter(out, true), errWriter);

    @AfterEach
    void closeSession() {
        session.close();
    }

    private int run(boolean keepGoing, String... lines) {
        BufferedReader input = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        return new ScriptRunner(session, errWriter, keepGoing).run(input, "echo.txt");
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void scriptThatWorksExitsZeroWithItsResultsInOrder() {
        int status = run(false,
                "# the tutorial's echo pair, by hand",
                "socket s",
                "bind s 127.0.0.1 0",
                "listen s 1",
                "socket c",
                "connect c 127.0.0.1 s.port",
                "accept s conn",
                "",
                "send c \"abc\"",
                "recv conn 1000000",
                "recv c 100 &",
                "send conn \"abc\"*3",
                "wait",
                "close c conn s");
        assertEquals(0, status, err::toString);
        List<String> lines = outLines();
        assertTrue(lines.get(0).matches("\\('127\\.0\\.0\\.1', \\d+\\)"), lines.get(0));
        assertEquals(List.of("3", "b'abc'", "[1] pending: recv c 100", "9", "[1] done: recv c 100", "b'abcabcabc'"),
                lines.subList(1, lines.size()));
        assertEquals("", err.toString());
        assertEquals(List.of(), session.leftovers());
    }

    @Test
    void firstFailureStopsTheScriptWithStatusOneAndSaysWhere() {
        int status = run(false, "socket s", "recv s 10", "socket later");
        assertEquals(1, status);
        assertEquals(List.of("OSError: [Errno 107] Transport endpoint is not connected",
                "echo.txt:2: stopped at this line (use --keep-going to run on after errors)"), errLines());
        assertEquals(List.of("s"), List.copyOf(session.table().sockets().keySet()));
    }

    @Test
    void usageErrorStopsTheScriptToo() {
        assertEquals(1, run(false, "sokcet s", "socket later"));
        assertEquals(List.of("error: unknown command 'sokcet'; did you mean socket?",
                "echo.txt:1: stopped at this line (use --keep-going to run on after errors)"), errLines());
        assertTrue(session.table().sockets().isEmpty());
    }

    @Test
    void keepGoingRunsEveryLineAndStillReportsFailure() {
        int status = run(true, "socket s", "recv s 10", "recv zz 1", "socket later", "getsockname later");
        assertEquals(1, status);
        assertEquals(List.of("OSError: [Errno 107] Transport endpoint is not connected",
                "NameError: name 'zz' is not defined"), errLines());
        assertEquals(List.of("('0.0.0.0', 0)"), outLines());
    }

    @Test
    void exitEndsTheScriptWithoutRunningTheRest() {
        assertEquals(0, run(false, "socket s", "exit", "socket later"));
        assertEquals(List.of("s"), List.copyOf(session.table().sockets().keySet()));
    }

    @Test
    void jobStillRunningAtTheEndIsNamed() {
        int status = run(false, "socket s", "bind s 127.0.0.1 0", "listen s", "accept s conn &");
        assertEquals(0, status);
        assertEquals(List.of("[1] pending: accept s conn"), outLines());
        assertEquals(List.of("note: job [1] accept s conn still running at end of input; cancelled"), errLines());
        session.close();
        assertEquals(List.of(), session.leftovers());
    }

    @Test
    void unreadableInputIsStatusTwo() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("device gone");
            }

            @Override
            public void close() {
            }
        };
        int status = new ScriptRunner(session, errWriter, false).run(new BufferedReader(broken), "tape");
        assertEquals(2, status);
        assertEquals(List.of("error: cannot read tape: device gone"), errLines());
    }
}
