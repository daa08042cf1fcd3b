package io.sockshell.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.support.Backends;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real sockets on the loopback interface for one test: everything opened through it is closed
 * by {@link #close()}, each even when another fails, and every background call is cancelled
 * first so no thread outlives the test.
 */
final class Loopback implements AutoCloseable {
    /** Bound on any single wait in a test. */
    static final long WAIT_SECONDS = 5;
    static final String HOST = "127.0.0.1";
    static final String HOST6 = "::1";

    final List<String> trace = new CopyOnWriteArrayList<>();
    final SocketBackend backend;
    private final Deque<Sock> sockets = new ArrayDeque<>();
    private final List<LineFile> files = new ArrayList<>();
    private final List<CancelSignal> signals = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-peer");
        thread.setDaemon(true);
        return thread;
    });

    Loopback() {
        this(false);
    }

    Loopback(boolean traced) {
        this.backend = SocketBackends.create(traced ? trace::add : TraceListener.NONE);
    }

    /** A pair of connected TCP sockets and the listener that made them. */
    record Pair(Sock client, Sock server, Sock listener) {
    }

    /** A call running on another thread, with the signal that cancels its waits. */
    record Background<T>(Future<T> future, CancelSignal signal, CompletableFuture<Thread> thread) {
        T get() throws Exception {
            return Loopback.get(future);
        }

        /** Waits until the call is parked in the engine's wait. */
        void awaitBlocked() throws Exception {
            Loopback.awaitBlocked(thread.get(WAIT_SECONDS, TimeUnit.SECONDS), future);
        }
    }

    synchronized Sock adopt(Sock sock) {
        sockets.push(sock);
        return sock;
    }

    synchronized LineFile adopt(LineFile file) {
        files.add(file);
        return file;
    }

    Sock open(Family family, Kind kind) throws SockError {
        return adopt(backend.open(family, kind));
    }

    Sock tcp() throws SockError {
        return open(Family.AF_INET, Kind.SOCK_STREAM);
    }

    Sock tcp6() throws SockError {
        return open(Family.AF_INET6, Kind.SOCK_STREAM);
    }

    Sock udp() throws SockError {
        return open(Family.AF_INET, Kind.SOCK_DGRAM);
    }

    Sock udp6() throws SockError {
        return open(Family.AF_INET6, Kind.SOCK_DGRAM);
    }

    /** A TCP socket listening on 127.0.0.1 at a port the system picked. */
    Sock listener() throws SockError {
        Sock listener = tcp();
        listener.bind(HOST, 0);
        listener.listen(5);
        return listener;
    }

    Sock boundUdp() throws SockError {
        Sock sock = udp();
        sock.bind(HOST, 0);
        return sock;
    }

    static int port(Sock sock) throws SockError {
        return sock.getsockname().port();
    }

    /** A connected client and its accepted server side; both in blocking mode. */
    Pair pair() throws SockError {
        Sock listener = listener();
        Sock client = tcp();
        client.connect(HOST, port(listener));
        Accepted accepted = listener.accept();
        return new Pair(client, adopt(accepted.socket()), listener);
    }

    Pair pair6() throws SockError {
        Sock listener = tcp6();
        listener.bind(HOST6, 0);
        listener.listen(5);
        Sock client = tcp6();
        client.connect(HOST6, port(listener));
        Accepted accepted = listener.accept();
        return new Pair(client, adopt(accepted.socket()), listener);
    }

    /** Runs {@code call} on another thread under a fresh {@link CancelSignal}. */
    <T> Background<T> background(Callable<T> call) {
        CancelSignal signal = new CancelSignal();
        signals.add(signal);
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        Future<T> future = executor.submit(() -> {
            CancelSignal.install(signal);
            thread.complete(Thread.currentThread());
            return call.call();
        });
        return new Background<>(future, signal, thread);
    }

    static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("background call did not finish within " + WAIT_SECONDS + " s", e);
        }
    }

    /**
     * Waits, without a clock-based sleep, until {@code thread} is parked in the engine's wait
     * for a socket (a selector, or posix's poll). Fails after the bound.
     */
    static void awaitBlocked(Thread thread, Future<?> future) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (future.isDone()) {
                fail("the call finished instead of blocking");
            }
            if (Backends.waitingInEngine(thread.getStackTrace())) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        fail("the call did not block within " + WAIT_SECONDS + " s");
    }

    /** Asserts that {@code call} fails with exactly CPython's traceback line {@code line}. */
    static SockError assertRaises(String line, SockCall call) {
        SockError error = assertThrows(SockError.class, call::run, () -> "expected " + line);
        assertEquals(line, error.pythonLine());
        return error;
    }

    @FunctionalInterface
    interface SockCall {
        void run() throws Exception;
    }

    /** Reads until {@code b''}, with the socket's own mode bounding each wait. */
    static PyBytes recvAll(Sock sock, int bufsize) throws SockError {
        PyBytes all = PyBytes.EMPTY;
        while (true) {
            PyBytes chunk = sock.recv(bufsize);
            if (chunk.isEmpty()) {
                return all;
            }
            all = all.concat(chunk);
        }
    }

    /** Waits until {@code sock} is readable, bounded. */
    void awaitReadable(Sock sock) throws SockError {
        Readiness<Sock> ready = backend.select(List.of(sock), List.of(), List.of(), (double) WAIT_SECONDS);
        if (ready.readable().isEmpty()) {
            fail(sock.label() + " did not become readable within " + WAIT_SECONDS + " s");
        }
    }

    @Override
    public void close() throws Exception {
        signals.forEach(CancelSignal::cancel);
        Exception first = null;
        List<AutoCloseable> all = new ArrayList<>();
        synchronized (this) {
            for (LineFile file : files) {
                all.add(file::close);
            }
            all.addAll(sockets);
        }
        for (AutoCloseable closeable : all) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        executor.shutdownNow();
        if (!executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS) && first == null) {
            first = new IllegalStateException("a background call outlived its test");
        }
        if (first != null) {
            throw first;
        }
    }
}
