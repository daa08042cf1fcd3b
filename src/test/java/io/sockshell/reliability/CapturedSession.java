package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.engine.LineFile;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Session} whose results and errors are captured per line, as a test sees them.
 * Only the foreground writes to these buffers: background jobs write into their own, and
 * their reports reach {@code out} at {@code wait}.
 */
final class CapturedSession implements AutoCloseable {
    /** No line may take longer than this. */
    static final long LINE_BOUND_SECONDS = 20;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final StringWriter outText = new StringWriter();
    private final StringWriter errText = new StringWriter();
    private final Session session = new Session(new PrintWriter(outText, true), new PrintWriter(errText, true));

    /** What one line did: its exit status and what it printed on each stream. */
    record Outcome(String line, int status, String out, String err) {
        @Override
        public String toString() {
            return "line " + Escaping.javaString(line) + " -> status " + status + ", out "
                    + Escaping.javaString(out) + ", err " + Escaping.javaString(err);
        }
    }

    Session session() {
        return session;
    }

    /**
     * Runs one line. A line still running after {@link #LINE_BOUND_SECONDS} is cancelled, as
     * Ctrl-C would, and fails the test: no test waits for ever on a call that never returns.
     */
    Outcome run(String line) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
            expired.set(true);
            session.cancelForeground();
        }, LINE_BOUND_SECONDS, TimeUnit.SECONDS);
        int status;
        try {
            status = session.execute(line);
        } finally {
            guard.cancel(false);
        }
        Outcome outcome = new Outcome(line, status, drain(outText), drain(errText));
        if (expired.get()) {
            throw new AssertionError(outcome + ": still running after " + LINE_BOUND_SECONDS + " s, so cancelled");
        }
        return outcome;
    }

    /** Runs a line that must work, and returns what it printed. */
    String ok(String line) {
        Outcome outcome = run(line);
        assertEquals(Session.OK, outcome.status(), outcome::toString);
        assertEquals("", outcome.err(), outcome::toString);
        return outcome.out();
    }

    /** Runs every line, each of which must work. */
    void ok(String... lines) {
        for (String line : lines) {
            ok(line);
        }
    }

    /** Runs a line whose call must fail with exactly CPython's {@code pythonLine}. */
    void fails(String line, String pythonLine) {
        Outcome outcome = run(line);
        assertEquals(Session.FAILED, outcome.status(), outcome::toString);
        assertEquals(pythonLine + "\n", outcome.err(), outcome::toString);
        assertEquals("", outcome.out(), outcome::toString);
    }

    /** Runs a line that must work and print exactly {@code result} (one line). */
    void prints(String line, String result) {
        assertEquals(result + "\n", ok(line), line);
    }

    /** The socket the session holds under {@code name}. */
    private Sock sock(String name) {
        try {
            return session.table().socket(name);
        } catch (SockError e) {
            throw new AssertionError(e.pythonLine(), e);
        }
    }

    int port(String name) {
        try {
            return sock(name).getsockname().port();
        } catch (SockError e) {
            throw new AssertionError(e.pythonLine(), e);
        }
    }

    /**
     * What the session holds, read in one pass. {@code full} has every socket's state,
     * addresses, mode and counters and every file's mode, state and buffer: equal means
     * untouched. {@code shape} leaves out counters and buffers: traffic changes {@code full}
     * but not {@code shape}.
     */
    record Holdings(String full, String shape) {
    }

    Holdings holdings() {
        StringBuilder full = new StringBuilder();
        StringBuilder shape = new StringBuilder();
        for (Map.Entry<String, Sock> entry : session.table().sockets().entrySet()) {
            SockInfo info = entry.getValue().info();
            full.append(entry.getKey()).append(' ').append(info).append('\n');
            shape.append(entry.getKey()).append(' ').append(info.state()).append(' ').append(info.local()).append(' ')
                    .append(info.peer()).append(' ').append(info.mode()).append('\n');
        }
        for (Map.Entry<String, LineFile> entry : session.table().files().entrySet()) {
            LineFile file = entry.getValue();
            String description = entry.getKey() + " file " + file.mode() + ' ' + (file.isClosed() ? "closed" : "open");
            full.append(description).append(' ').append(file.buffered()).append('\n');
            shape.append(description).append('\n');
        }
        return new Holdings(full.toString(), shape.toString());
    }

    /** Names of the sockets and files still open. */
    List<String> openNames() {
        return new ArrayList<>(session.table().openNames());
    }

    @Override
    public void close() {
        session.close();
    }

    /** One daemon thread that cancels overdue lines; a guard cancelled in time leaves its queue at once. */
    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "captured-session-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static String drain(StringWriter writer) {
        StringBuffer buffer = writer.getBuffer();
        synchronized (buffer) {
            String text = buffer.toString();
            buffer.setLength(0);
            return text;
        }
    }
}
