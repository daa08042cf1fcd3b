package io.sockshell.engine.posix;

import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PollEvent;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import io.sockshell.engine.TraceListener;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend of real system calls: each socket a kernel socket ({@link PosixSock}), and
 * select and poll one poll(2) over their descriptors. select is made with poll(2) too, as the
 * kernel's select computes readiness (readable: POLLIN, POLLHUP or POLLERR; writable: POLLOUT or
 * POLLERR; exceptional: POLLPRI); unlike CPython's select(2) it takes descriptors past 1023.
 * Created reflectively by {@link PosixBackendProvider}.
 */
public final class PosixBackend implements SocketBackend {
    private static final int READABLE = Libc.POLLIN | Libc.POLLHUP | Libc.POLLERR;
    private static final int WRITABLE = Libc.POLLOUT | Libc.POLLERR;

    private final TraceListener trace;

    public PosixBackend(TraceListener trace) {
        this.trace = trace;
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        return PosixSock.open(family, kind, trace);
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeoutSeconds)
            throws SockError {
        if (timeoutSeconds != null && timeoutSeconds.isNaN()) {
            throw SockError.valueError("Invalid value NaN (not a number)");
        }
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw SockError.valueError("timeout must be non-negative");
        }
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        want(interest, read, Libc.POLLIN);
        want(interest, write, Libc.POLLOUT);
        want(interest, except, Libc.POLLPRI);
        for (Sock sock : interest.keySet()) {
            if (sock.isClosed()) {
                throw SockError.valueError("file descriptor cannot be a negative integer (-1)");
            }
        }
        Map<Sock, Integer> ready = await(interest, Waits.deadlineIn(timeoutSeconds));
        return new Readiness<>(matching(read, ready, READABLE), matching(write, ready, WRITABLE),
                matching(except, ready, Libc.POLLPRI));
    }

    @Override
    public List<PollEvent> poll(Map<Sock, Integer> registered, Integer timeoutMillis) throws SockError {
        List<PollEvent> events = new ArrayList<>();
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        for (Map.Entry<Sock, Integer> entry : registered.entrySet()) {
            if (entry.getKey().isClosed()) {
                // The number a closed socket was registered under is closed: poll says POLLNVAL.
                events.add(new PollEvent(entry.getKey(), PollEvent.POLLNVAL));
            } else {
                interest.put(entry.getKey(), entry.getValue());
            }
        }
        long deadline = !events.isEmpty() ? System.nanoTime()
                : timeoutMillis == null || timeoutMillis < 0 ? Waits.FOREVER
                : System.nanoTime() + timeoutMillis * 1_000_000L;
        Map<Sock, Integer> ready = await(interest, deadline);
        for (Map.Entry<Sock, Integer> entry : ready.entrySet()) {
            events.add(new PollEvent(entry.getKey(), entry.getValue()));
        }
        return events;
    }

    private static void want(Map<Sock, Integer> interest, List<Sock> socks, int events) throws SockError {
        for (Sock sock : socks) {
            interest.merge(posix(sock), events, (a, b) -> a | b);
        }
    }

    private static PosixSock posix(Sock sock) throws SockError {
        if (sock instanceof PosixSock posix) {
            return posix;
        }
        throw SockError.plain("TypeError", "not a socket of the posix backend: " + sock.label());
    }

    /** The entries of {@code asked} whose revents meet {@code mask}, in order, repeats kept (as select answers). */
    private static List<Sock> matching(List<Sock> asked, Map<Sock, Integer> ready, int mask) {
        List<Sock> out = new ArrayList<>();
        for (Sock sock : asked) {
            if ((ready.getOrDefault(sock, 0) & mask) != 0) {
                out.add(sock);
            }
        }
        return out;
    }

    /**
     * One poll over the sockets (with a wakeup, unless it does not wait), holding each
     * descriptor so that none is closed for real under it. Returns each ready socket's revents,
     * in the order asked (a poll answers in registration order).
     */
    private Map<Sock, Integer> await(Map<Sock, Integer> interest, long deadline) throws SockError {
        List<Sock> socks = new ArrayList<>(interest.keySet());
        List<Descriptor> held = new ArrayList<>(socks.size());
        Map<Sock, Integer> ready = new LinkedHashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment set = arena.allocate((long) PollSet.POLLFD_SIZE * (socks.size() + 1), 8);
            for (int i = 0; i < socks.size(); i++) {
                Descriptor descriptor = ((PosixSock) socks.get(i)).descriptor();
                int fd = descriptor.acquire();
                held.add(descriptor);
                if (fd < 0) {
                    throw SockError.of(Errno.EBADF);
                }
                PollSet.set(set, i, fd, interest.get(socks.get(i)));
            }
            int count = Waits.millisUntil(deadline) == 0 ? pollNow(set, socks.size())
                    : Waits.poll(set, socks.size(), held, deadline, trace);
            if (count > 0) {
                for (int i = 0; i < socks.size(); i++) {
                    int revents = PollSet.revents(set, i);
                    if (revents != 0) {
                        ready.put(socks.get(i), revents);
                    }
                }
            }
            return ready;
        } finally {
            for (Descriptor descriptor : held) {
                descriptor.release();
            }
        }
    }

    /** A poll that does not wait: no wakeup is needed. */
    private int pollNow(MemorySegment set, int count) throws SockError {
        int ready = Libc.poll(set, count, 0);
        int errno = ready < 0 ? Libc.errno() : 0;
        if (trace.enabled()) {
            trace.syscall(Strace.poll(set, count, 0, ready, errno));
        }
        if (ready < 0) {
            throw Errors.raised(errno);
        }
        return ready;
    }
}
