package io.sockshell.engine.posix;

import io.sockshell.engine.SockError;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The eventfds that end a wait early. A wait polls its socket and a wakeup; a cancel (Ctrl-C)
 * or a close of the socket writes to the wakeup, and poll returns. Wakeups are lent to one wait
 * at a time and never closed: a late write (a cancel that read the wait just as it ended) then
 * only wakes some later wait for nothing, where a closed and reused number could have been a
 * learner's socket. There are never more of them than waits at once.
 */
final class Wakeups {
    private static final ConcurrentLinkedDeque<Integer> IDLE = new ConcurrentLinkedDeque<>();

    private Wakeups() {
    }

    static int take() throws SockError {
        Integer idle = IDLE.pollFirst();
        if (idle != null) {
            return idle;
        }
        int made = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (made < 0) {
            throw Errors.raised(Libc.errno());
        }
        return made;
    }

    /**
     * Back to the idle ones. A wait that was woken has drained its wakeup; one that was not has
     * nothing to drain, unless a late write came, which the next wait takes for a spurious wake.
     */
    static void give(int wakeup) {
        IDLE.addFirst(wakeup);
    }

    /** Ends the wait polling {@code wakeup}; safe from any thread. */
    static void wake(int wakeup) {
        MemorySegment one = Scratch.current().counter;
        one.set(ValueLayout.JAVA_LONG, 0, 1L);
        Libc.write(wakeup, one, 8);
    }

    /** Reads the counter back to zero, so the next poll waits again. */
    static void drain(int wakeup) {
        Libc.read(wakeup, Scratch.current().counter, 8);
    }
}
