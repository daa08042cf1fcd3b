package io.sockshell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.engine.LineFile;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Session} writing into strings, run one line at a time: each {@link #run} returns
 * the line's status and exactly what it printed on each stream. Only the foreground writes to
 * these buffers: background jobs write into their own, and their reports reach {@code out} at
 * {@code wait}. No line may run longer than {@link #LINE_BOUND_SECONDS}.
 */
public final class ShellDriver implements AutoCloseable {
    /** No line may take longer than this. */
    public static final long LINE_BOUND_SECONDS = 20;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final StringWriter outText = new StringWriter();
    private final StringWriter errText = new StringWriter();
    private final Session session = new Session(new PrintWriter(outText, true), new PrintWriter(errText, true));
    private final ExecutorService foreground = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shell-driver-foreground");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread foregroundThread;

    /** What one line did: its exit status and what it printed on each stream. */
    public record Result(String line, int status, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "line " + Escaping.javaString(line) + " -> status " + status + ", out "
                    + Escaping.javaString(out) + ", err " + Escaping.javaString(err);
        }
    }

    public Session session() {
        return session;
    }

    /**
     * Runs one line in the calling thread. A line still running after
     * {@link #LINE_BOUND_SECONDS} is cancelled, as Ctrl-C would, and fails the test: no test
     * waits for ever on a call that never returns.
     */
    public Result run(String line) {
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
        Result result = new Result(line, status, drain(outText), drain(errText));
        if (expired.get()) {
            throw new AssertionError(result + ": still running after " + LINE_BOUND_SECONDS + " s, so cancelled");
        }
        return result;
    }

    /** Runs a line that must work and print nothing to err; returns what it printed to out. */
    public String ok(String line) {
        Result result = run(line);
        assertEquals(Session.OK, result.status(), result::toString);
        assertEquals("", result.err(), result::toString);
        return result.out();
    }

    /** Runs every line, each of which must work. */
    public void ok(String... lines) {
        for (String line : lines) {
            ok(line);
        }
    }

    /** Runs a line that must work and print one value; returns that value. */
    public String value(String line) {
        String out = ok(line);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), () -> line + " printed " + lines);
        return lines.get(0);
    }

    /** Runs a line that must work and print exactly {@code result} (one line). */
    public void prints(String line, String result) {
        assertEquals(result + "\n", ok(line), line);
    }

    /** Runs a line whose call must fail with exactly CPython's {@code pythonLine}. */
    public void fails(String line, String pythonLine) {
        Result result = run(line);
        assertEquals(Session.FAILED, result.status(), result::toString);
        assertEquals(pythonLine + "\n", result.err(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    /**
     * The tutorial's opening on loopback: server {@code s} listening on an ephemeral port, client
     * {@code c} connected to it, and the accepted connection {@code conn}.
     */
    public void openConnectedPair() {
        ok("socket s");
        ok("bind s 127.0.0.1 0");
        ok("listen s 1");
        ok("socket c");
        ok("connect c 127.0.0.1 s.port");
        value("accept s conn");
    }

    /** Starts a line on the driver's own foreground thread, for calls that block. */
    public Future<Result> start(String line) {
        CompletableFuture<Thread> started = new CompletableFuture<>();
        Future<Result> result = foreground.submit(() -> {
            foregroundThread = Thread.currentThread();
            started.complete(Thread.currentThread());
            return run(line);
        });
        Waits.get(started, Duration.ofSeconds(5));
        return result;
    }

    /** The thread {@link #start} runs lines on. */
    public Thread foregroundThread() {
        return foregroundThread;
    }

    /** The port a socket of this session is bound to. */
    public int port(String socket) {
        try {
            return session.table().socket(socket).getsockname().port();
        } catch (SockError e) {
            throw new AssertionError(socket + " has no port: " + e.pythonLine(), e);
        }
    }

    /**
     * What the session holds, read in one pass. {@code full} has every socket's state,
     * addresses, mode and counters and every file's mode, state and buffer: equal means
     * untouched. {@code shape} leaves out counters and buffers: traffic changes {@code full}
     * but not {@code shape}.
     */
    public record Holdings(String full, String shape) {
    }

    public Holdings holdings() {
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
    public List<String> openNames() {
        return new ArrayList<>(session.table().openNames());
    }

    /** Closes the session (every job and socket), then stops the foreground thread. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            foreground.shutdownNow();
        }
    }

    /** One daemon thread that cancels overdue lines; a guard cancelled in time leaves its queue at once. */
    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "shell-driver-watchdog");
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
