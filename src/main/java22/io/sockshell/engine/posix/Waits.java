package io.sockshell.engine.posix;

import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;
import io.sockshell.engine.TraceListener;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every wait of the backend: one poll(2) on the sockets waited for plus a wakeup (an eventfd,
 * {@link Wakeups}) that a cancel, an interrupt of the thread ({@link InterruptHook}) or a close
 * of one of those sockets writes to. So Ctrl-C, a transcript's step bound or {@code kill} end a
 * wait without touching the socket, and a socket closed by another thread ends the waits on it
 * (they raise EBADF). Nothing ever blocks in the kernel except here.
 */
final class Waits {
    /** No deadline: wait until ready, cancelled or closed. */
    static final long FOREVER = Long.MAX_VALUE;

    private Waits() {
    }

    /**
     * Polls the first {@code sockets} entries of {@code set} (whose entry {@code sockets} is kept
     * for the wakeup) until one is ready or {@code deadline} (a {@link System#nanoTime()}) passes.
     * Returns how many sockets are ready, 0 at the deadline; their revents are in the set.
     */
    static int poll(MemorySegment set, int sockets, List<Descriptor> watched, long deadline, TraceListener trace)
            throws SockError {
        CancelSignal signal = CancelSignal.current();
        if (signal.isCancelled()) {
            throw SockError.interrupted();
        }
        int wakeup = Wakeups.take();
        int watching = 0;
        InterruptHook interrupts = InterruptHook.current();
        boolean entered = false;
        try {
            for (Descriptor descriptor : watched) {
                if (!descriptor.watch(wakeup)) {
                    throw SockError.of(Errno.EBADF);
                }
                watching++;
            }
            signal.waitingOn(() -> Wakeups.wake(wakeup));
            interrupts.enter(wakeup);
            entered = true;
            PollSet.set(set, sockets, wakeup, Libc.POLLIN);
            while (true) {
                int timeout = millisUntil(deadline);
                int ready = Libc.poll(set, sockets + 1, timeout);
                int errno = ready < 0 ? Libc.errno() : 0;
                if (trace.enabled()) {
                    trace.syscall(Strace.poll(set, sockets + 1, timeout, ready, errno));
                }
                if (signal.isCancelled()) {
                    throw SockError.interrupted();
                }
                for (Descriptor descriptor : watched) {
                    if (descriptor.isClosed()) {
                        throw SockError.of(Errno.EBADF);
                    }
                }
                if (ready < 0) {
                    if (errno == Libc.EINTR) {
                        continue;
                    }
                    throw Errors.raised(errno);
                }
                if (PollSet.revents(set, sockets) != 0) {
                    Wakeups.drain(wakeup);
                    ready--;
                }
                if (ready > 0 || (ready == 0 && timeout >= 0 && System.nanoTime() - deadline >= 0)) {
                    return ready;
                }
            }
        } finally {
            if (entered) {
                interrupts.leave();
            }
            signal.waitingOn(null);
            for (int i = 0; i < watching; i++) {
                watched.get(i).unwatch(wakeup);
            }
            Wakeups.give(wakeup);
        }
    }

    /** poll's timeout for a deadline, rounded up to the millisecond as CPython rounds it; -1 for none. */
    static int millisUntil(long deadline) {
        if (deadline == FOREVER) {
            return -1;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }

    /** The deadline of a wait of {@code seconds} from now, or {@link #FOREVER} for null. */
    static long deadlineIn(Double seconds) {
        if (seconds == null) {
            return FOREVER;
        }
        long now = System.nanoTime();
        long nanos = (long) Math.min(seconds * 1e9, (double) (Long.MAX_VALUE / 4));
        return now + nanos;
    }
}
