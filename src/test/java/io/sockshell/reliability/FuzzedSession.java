package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.session.LineSplitter;
import io.sockshell.session.Session;
import io.sockshell.support.Escaping;
import io.sockshell.support.ShellDriver;
import java.util.List;

/**
 * A session holding one of everything — a listener, a connected pair, a datagram socket, a
 * file and a closed socket, all nonblocking — that runs generated lines and checks after each:
 * it returned 0, 1 or 2; a refusal or failure printed exactly one line on err with no terminal
 * control characters in it; no Java exception leaked; a refusal left every socket and file
 * exactly as it was; a failed call lost no socket. A line that changes what the session holds
 * is allowed to (it asked to), and the holdings are then set up afresh, so every line meets
 * the same nonblocking sockets and none can wait for ever.
 */
final class FuzzedSession implements AutoCloseable {
    private static final String[] SETUP = {
        "socket lst", "bind lst 127.0.0.1 0", "listen lst 8", "socket cli", "connect cli 127.0.0.1 lst.port",
        "accept lst srv", "socket dg SOCK_DGRAM", "bind dg 127.0.0.1 0", "makefile srv f rwb", "socket gone",
        "close gone", "setblocking lst 0", "setblocking cli 0", "setblocking srv 0", "setblocking dg 0"};
    /** Background jobs here never wait for anything; one still running after this has hung. */
    private static final double JOB_BOUND_SECONDS = 10;

    /**
     * Past this many names the session is replaced by a new one: every name a line gives a
     * socket stays in the table after it is closed, as a Python variable stays bound, and a
     * long run would otherwise spend its time listing closed sockets.
     */
    private static final int NAMES_BEFORE_A_NEW_SESSION = 64;

    private ShellDriver shell = new ShellDriver();
    private final long[] statuses = new long[3];
    private ShellDriver.Holdings holdings;
    private long restores;
    private long jobs;

    FuzzedSession() {
        restore();
        holdings = shell.holdings();
    }

    /** Runs one line and checks every property; {@code where} names the input in failures. */
    void check(String line, String where) {
        ShellDriver.Holdings before = holdings;
        List<String> openBefore = shell.openNames();
        ShellDriver.Result outcome;
        try {
            outcome = shell.run(line);
        } catch (RuntimeException | Error e) {
            throw new AssertionError(where + ": " + Escaping.javaString(line) + " threw or hung", e);
        }
        String context = where + ": " + outcome;
        assertTrue(outcome.status() >= Session.OK && outcome.status() <= Session.USAGE, context);
        statuses[outcome.status()]++;
        assertFalse(outcome.err().contains("failed unexpectedly"), context);
        if (outcome.status() == Session.OK) {
            assertEquals("", outcome.err(), context);
        } else {
            assertOneClearLine(outcome.err(), context);
        }
        holdings = shell.holdings();
        if (outcome.status() == Session.USAGE) {
            assertEquals(before.full(), holdings.full(), context + " touched the session's sockets");
        }
        if (outcome.status() == Session.FAILED && !command(line).equals("close")) {
            assertTrue(shell.openNames().containsAll(openBefore), context + " lost a socket: " + shell.openNames());
        }
        if (outcome.out().contains("] pending: ")) {
            jobs++;
            finishJobs(context);
            holdings = shell.holdings();
        }
        if (!holdings.shape().equals(before.shape()) || shell.session().debug().on()) {
            restore();
            holdings = shell.holdings();
            restores++;
        }
    }

    /** Lines by exit status, background jobs and restores, for the run's report. */
    String figures() {
        return statuses[0] + " ran, " + statuses[1] + " failed calls, " + statuses[2] + " refused; "
                + jobs + " background jobs; holdings restored " + restores + " times";
    }

    @Override
    public void close() {
        shell.close();
    }

    static void assertOneClearLine(String err, String context) {
        assertTrue(err.length() > 1 && err.indexOf('\n') == err.length() - 1, context + ": not exactly one line");
        String line = err.substring(0, err.length() - 1);
        int control = Escaping.firstTerminalControl(line);
        assertEquals(-1, control, context + ": terminal control character in the error line");
    }

    private void finishJobs(String context) {
        try {
            List<Integer> running = shell.session().jobs().await(List.of(), JOB_BOUND_SECONDS, report ->
                    assertFalse(report.contains("failed unexpectedly"), context + ": job report " + report));
            assertEquals(List.of(), running, context + ": background job still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(context, e);
        } catch (io.sockshell.command.ShellContext.UnknownJob e) {
            throw new AssertionError(context, e);
        }
    }

    private static String command(String line) {
        try {
            LineSplitter.Split split = LineSplitter.split(line);
            return split.isEmpty() ? "" : split.words().get(0);
        } catch (LineSplitter.UnbalancedQuote e) {
            return "";
        }
    }

    /**
     * Closes everything the session holds and sets the holdings up again, fresh, under the
     * same names, with the settings back at their defaults (in a new session once the old one
     * has collected many names).
     */
    private void restore() {
        shell.session().table().closeAll();
        if (shell.session().table().sockets().size() + shell.session().table().files().size()
                > NAMES_BEFORE_A_NEW_SESSION) {
            shell.close();
            shell = new ShellDriver();
        }
        shell.ok(SETUP);
        shell.ok("trace off", "set display short", "set debug off");
    }
}
