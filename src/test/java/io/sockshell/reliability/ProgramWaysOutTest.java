package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.JavaProcess;
import io.sockshell.support.ProgramProcesses;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * However the shell ends, nothing it started is left running: a program waiting for input, the
 * background child of a program that has exited, and a daemon that left its process group and
 * session. Each way out runs a shell of its own (a separate JVM, as a user runs it) with
 * the same three, then ends it that way: exit, the end of its input (Ctrl-D of a script),
 * SIGHUP, SIGTERM, SIGKILL. The end of a transcript and Ctrl-D at a terminal are in
 * ProgramLeakTest and ReplTest, which run in this JVM.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProgramWaysOutTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern PROGRAM_ROW = Pattern.compile("(?m)^waiting\\s+(\\d+)\\s");
    /** Three programs: one waiting for input, one that leaves a child behind, one that daemonises. */
    private static final String PROGRAMS = String.join("\n",
            "program waiting python3 -c \"input()\"",
            "program parent sh -c \"sleep 1000 & echo started a child\"",
            "program daemon python3 -c \"import os; exec('if os.fork() == 0:\\n os.setsid()\\n if os.fork() == 0:\\n"
                    + "  os.execvp(\\'sleep\\', [\\'sleep\\', \\'1000\\'])\\n os._exit(0)'); os.wait(); print('started a daemon')\"",
            "sockets", "");

    @Test
    void exit() throws Exception {
        endsEverything(shell -> shell.type("exit\n"));
    }

    @Test
    void endOfInput() throws Exception {
        endsEverything(JavaProcess::endInput);
    }

    @Test
    void sighup() throws Exception {
        endsEverything(shell -> signal(shell, "HUP"));
    }

    @Test
    void sigterm() throws Exception {
        endsEverything(shell -> signal(shell, "TERM"));
    }

    @Test
    void sigkill() throws Exception {
        endsEverything(shell -> signal(shell, "KILL"));
    }

    @FunctionalInterface
    private interface WayOut {
        void end(JavaProcess shell) throws Exception;
    }

    private static void endsEverything(WayOut wayOut) throws Exception {
        String session;
        try (JavaProcess shell = JavaProcess.sockshell("--keep-going")) {
            shell.type(PROGRAMS);
            String listing = shell.stdout().await(text -> text.contains("daemon ") && PROGRAM_ROW.matcher(text).find(),
                    BOUND, "the programs in the sockets listing");
            Matcher row = PROGRAM_ROW.matcher(listing);
            assertTrue(row.find(), listing);
            session = ProgramProcesses.sessionOf(Long.parseLong(row.group(1)));
            List<Long> running = ProgramProcesses.of(session);
            // The waiting program, the child left behind, the daemon, and the guard.
            assertTrue(running.size() >= 4, "expected four processes of the session, found " + running + "\n" + listing);
            wayOut.end(shell);
            assertTrue(shell.ended(BOUND), "the shell did not end");
        }
        assertEquals(List.of(), ProgramProcesses.awaitNoneOf(session, BOUND), "left running");
    }

    /** kill -SIGNAL: the JDK sends only TERM and KILL, and only to a process it started itself. */
    static void signal(JavaProcess shell, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(shell.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS), "kill did not finish");
        assertEquals(0, kill.exitValue(), "kill -" + signal + " failed");
    }
}
