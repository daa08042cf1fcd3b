package io.sockshell.engine.nio;

import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PollEvent;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.TraceListener;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The backend built on java.nio channels and selectors. */
final class NioBackend implements io.sockshell.engine.SocketBackend {
    static final int WANT_READ = 1;
    static final int WANT_WRITE = 2;
    /** Linux's POLLHUP, which poll reports for an unconnected TCP socket and select counts as readable. */
    private static final int HUNG_UP = 4;
    /**
     * poll's, not select's: a socket asked for neither reading nor writing (POLLPRI alone, which
     * needs urgent data that no call here sends) is still watched, for the POLLHUP Linux reports
     * whatever was asked.
     */
    private static final int WANT_HANG_UP = 8;

    private final TraceListener trace;

    NioBackend(TraceListener trace) {
        this.trace = trace;
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        if (family == Family.AF_UNIX && kind == Kind.SOCK_DGRAM) {
            throw SockError.plain("OSError",
                    "AF_UNIX SOCK_DGRAM needs the posix backend (Java has no datagram channel for it)");
        }
        NioSock sock = kind == Kind.SOCK_STREAM ? new NioStreamSock(family, trace) : new NioDatagramSock(family, trace);
        sock.traceCreationWhenNamed();
        return sock;
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeoutSeconds)
            throws SockError {
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw SockError.valueError("timeout must be non-negative");
        }
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        for (Sock sock : read) {
            interest.merge(checked(sock), WANT_READ, (a, b) -> a | b);
        }
        for (Sock sock : write) {
            interest.merge(checked(sock), WANT_WRITE, (a, b) -> a | b);
        }
        for (Sock sock : except) {
            interest.putIfAbsent(checked(sock), 0);
        }
        Map<Sock, Integer> ready = await(interest, timeoutSeconds);
        List<Sock> readable = new ArrayList<>();
        List<Sock> writable = new ArrayList<>();
        // Python's select answers entry by entry: a socket listed twice and ready comes back twice.
        for (Sock sock : read) {
            if ((ready.getOrDefault(sock, 0) & (WANT_READ | HUNG_UP)) != 0) {
                readable.add(sock);
            }
        }
        for (Sock sock : write) {
            if ((ready.getOrDefault(sock, 0) & WANT_WRITE) != 0) {
                writable.add(sock);
            }
        }
        if (trace.enabled()) {
            traceLine("select(" + Sock.labels(read) + ", " + Sock.labels(write) + ", " + Sock.labels(except) + ", "
                    + (timeoutSeconds == null ? "None" : timeoutSeconds) + ") = "
                    + (readable.size() + writable.size()));
        }
        return new Readiness<>(readable, writable, List.of());
    }

    @Override
    public List<PollEvent> poll(Map<Sock, Integer> registered, Integer timeoutMillis) throws SockError {
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        List<PollEvent> events = new ArrayList<>();
        for (Map.Entry<Sock, Integer> entry : registered.entrySet()) {
            if (entry.getKey().isClosed()) {
                // Registered while open, closed since: the kernel's poll says POLLNVAL for it.
                events.add(new PollEvent(entry.getKey(), PollEvent.POLLNVAL));
                continue;
            }
            int mask = entry.getValue();
            int want = ((mask & PollEvent.POLLIN) != 0 ? WANT_READ : 0) | ((mask & PollEvent.POLLOUT) != 0 ? WANT_WRITE : 0)
                    | WANT_HANG_UP;
            interest.put(entry.getKey(), want);
        }
        // A POLLNVAL is already an event, so the call returns at once, as the kernel's does.
        Double timeout = !events.isEmpty() ? Double.valueOf(0.0)
                : timeoutMillis == null || timeoutMillis < 0 ? null : timeoutMillis / 1000.0;
        Map<Sock, Integer> ready = await(interest, timeout);
        for (Map.Entry<Sock, Integer> entry : interest.entrySet()) {
            int flags = ready.getOrDefault(entry.getKey(), 0);
            int revents = ((flags & WANT_READ) != 0 ? PollEvent.POLLIN : 0) | ((flags & WANT_WRITE) != 0 ? PollEvent.POLLOUT : 0)
                    | ((flags & HUNG_UP) != 0 ? PollEvent.POLLHUP : 0);
            if (revents != 0) {
                events.add(new PollEvent(entry.getKey(), revents));
            }
        }
        traceLine("poll(" + registered.size() + " fds, " + (timeoutMillis == null ? "None" : timeoutMillis) + ") = " + events.size());
        return events;
    }

    private static Sock checked(Sock sock) throws SockError {
        if (sock.isClosed()) {
            throw SockError.valueError("file descriptor cannot be a negative integer (-1)");
        }
        return sock;
    }

    /**
     * Waits until one of the sockets is ready as asked, then reports all that are. An
     * unconnected TCP socket is ready at once: Linux's poll reports it hung up (POLLHUP, and
     * POLLOUT if asked, never POLLIN), which select counts as readable. The selector comes from
     * {@link SelectorPool} with the last call's registrations: only what changed is updated.
     */
    static Map<Sock, Integer> await(Map<Sock, Integer> interest, Double timeoutSeconds) throws SockError {
        Map<Sock, Integer> ready = new IdentityHashMap<>();
        CancelSignal signal = CancelSignal.current();
        Selector selector = null;
        List<SelectionKey> reported = new ArrayList<>();
        boolean reusable = false;
        try {
            Map<SelectableChannel, Watch> watches = new IdentityHashMap<>();
            for (Map.Entry<Sock, Integer> entry : interest.entrySet()) {
                Sock sock = entry.getKey();
                int want = entry.getValue();
                if (want == 0) {
                    continue;
                }
                if (sock instanceof NioStreamSock stream) {
                    if (stream.inputShut() && (want & WANT_READ) != 0) {
                        ready.put(sock, WANT_READ);
                    }
                    if (stream.shutBothWays() && !stream.isListening()) {
                        ready.merge(sock, HUNG_UP, (a, b) -> a | b);
                    }
                    if (stream.isListening()) {
                        if ((want & WANT_READ) != 0) {
                            watches.put(stream.selectable(), new Watch(sock, SelectionKey.OP_ACCEPT));
                        }
                    } else if (stream.isConnecting()) {
                        watches.put(stream.selectable(), new Watch(sock, SelectionKey.OP_CONNECT));
                    } else if (!stream.hasConnectedOrFailed()) {
                        ready.merge(sock, HUNG_UP | (want & WANT_WRITE), (a, b) -> a | b);
                    } else {
                        watches.put(stream.selectable(), new Watch(sock, ops(want)));
                    }
                } else if (sock instanceof NioDatagramSock datagram) {
                    // Linux's datagram_poll: a socket shut for reading is readable, shut both
                    // ways hung up (reported whatever was asked).
                    if (datagram.shutRead() && (want & WANT_READ) != 0) {
                        ready.merge(sock, WANT_READ, (a, b) -> a | b);
                    }
                    if (datagram.shutBoth()) {
                        ready.merge(sock, HUNG_UP, (a, b) -> a | b);
                    }
                    watches.put(datagram.selectable(), new Watch(sock, ops(want)));
                }
            }
            selector = SelectorPool.take();
            watch(selector, watches);
            long deadline = timeoutSeconds == null ? Long.MAX_VALUE
                    : System.nanoTime() + (long) (timeoutSeconds * 1e9);
            signal.waitingOn(selector::wakeup);
            while (true) {
                if (!ready.isEmpty() || (timeoutSeconds != null && timeoutSeconds == 0.0)) {
                    selector.selectNow();
                } else if (deadline == Long.MAX_VALUE) {
                    selector.select();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
                    } else {
                        selector.selectNow();
                    }
                }
                if (signal.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw SockError.interrupted();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Sock sock = (Sock) key.attachment();
                    int want = interest.get(sock);
                    int flags = 0;
                    if (key.isAcceptable() || key.isReadable()) {
                        flags |= WANT_READ;
                    }
                    if (key.isWritable() || key.isConnectable()) {
                        flags |= WANT_WRITE;
                    }
                    if (key.isConnectable() && sock instanceof NioStreamSock stream && !stream.hasConnectedOrFailed()) {
                        flags = 0;
                    }
                    if ((flags & want) != 0) {
                        ready.merge(sock, flags & want, (a, b) -> a | b);
                        reported.add(key);
                    }
                }
                selector.selectedKeys().clear();
                if (!ready.isEmpty() || timeoutSeconds != null && System.nanoTime() >= deadline) {
                    // The caller is about to act on these; while the selector idles in the pool
                    // they would only fill every flush with events nobody asked for yet.
                    for (SelectionKey key : reported) {
                        if (key.isValid()) {
                            key.interestOps(0);
                        }
                    }
                    reusable = true;
                    return ready;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw IoErrors.map(e);
        } finally {
            signal.waitingOn(null);
            release(selector, reusable);
        }
    }

    /** A channel to watch, for which socket, and for what. */
    private record Watch(Sock sock, int ops) {
    }

    /**
     * Makes the selector watch exactly {@code watches}: keys kept from earlier calls get the
     * operations asked for now (none, for a channel not asked about), new channels register.
     */
    private static void watch(Selector selector, Map<SelectableChannel, Watch> watches) throws IOException {
        Map<SelectableChannel, Watch> fresh = new IdentityHashMap<>(watches);
        for (SelectionKey key : selector.keys()) {
            if (!key.isValid()) {
                continue;
            }
            Watch watch = fresh.remove(key.channel());
            int ops = watch == null ? 0 : watch.ops();
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
            key.attach(watch == null ? null : watch.sock());
        }
        for (Map.Entry<SelectableChannel, Watch> entry : fresh.entrySet()) {
            SelectionKey stale = entry.getKey().keyFor(selector);
            if (stale != null && !stale.isValid()) {
                // Cancelled but not yet deregistered: a select does that, then it may register again.
                selector.selectNow();
                selector.selectedKeys().clear();
            }
            entry.getKey().register(selector, entry.getValue().ops(), entry.getValue().sock());
        }
    }

    /** Back to the pool after a call that ended normally; closed after anything else. */
    private static void release(Selector selector, boolean reusable) {
        if (selector == null) {
            return;
        }
        if (reusable) {
            SelectorPool.give(selector);
        } else {
            SelectorPool.discard(selector);
        }
    }

    private static int ops(int want) {
        return ((want & WANT_READ) != 0 ? SelectionKey.OP_READ : 0) | ((want & WANT_WRITE) != 0 ? SelectionKey.OP_WRITE : 0);
    }

    private void traceLine(String line) {
        if (trace.enabled()) {
            trace.syscall(line);
        }
    }
}
