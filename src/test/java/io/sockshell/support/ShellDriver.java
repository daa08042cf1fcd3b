package io.sockshell.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.engine.SockError;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@link Session} writing into strings, run one line at a time. Each {@link #run} returns the
 * status and exactly what that line printed to out and to err.
 */
public final class ShellDriver implements AutoCloseable {
    private final StringWriter outText = new StringWriter();
    private final StringWriter errText = new StringWriter();
    private final Session session = new Session(new PrintWriter(outText, true), new PrintWriter(errText, true));
    private final ExecutorService foreground = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shell-driver-foreground");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread foregroundThread;
    private int outMark;
    private int errMark;

    /** What one line printed, and its exit status. */
    public record Result(int status, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "status " + status + ", out <" + out + ">, err <" + err + ">";
        }
    }

    public Session session() {
        return session;
    }

    /** Runs a line in the calling thread. */
    public synchronized Result run(String line) {
        int status = session.execute(line);
        return collect(status);
    }

    /** Runs a line that must work and print nothing to err; returns what it printed to out. */
    public String ok(String line) {
        Result result = run(line);
        assertEquals(0, result.status(), () -> line + " -> " + result);
        assertEquals("", result.err(), () -> line + " -> " + result);
        return result.out();
    }

    /** Runs a line that must work and print one value; returns that value. */
    public String value(String line) {
        String out = ok(line);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), () -> line + " printed " + lines);
        return lines.get(0);
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

    private Result collect(int status) {
        String out;
        String err;
        synchronized (outText.getBuffer()) {
            out = outText.getBuffer().substring(outMark);
            outMark = outText.getBuffer().length();
        }
        synchronized (errText.getBuffer()) {
            err = errText.getBuffer().substring(errMark);
            errMark = errText.getBuffer().length();
        }
        return new Result(status, out, err);
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
}
