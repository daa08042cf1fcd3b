package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A spinning wait ends at an event, whether it comes while it spins or after it has parked, and at its bound. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventsTest {
    @Test
    void anEventWhileSpinningEndsTheWait() throws Exception {
        Events events = new Events();
        long seen = events.count();
        CountDownLatch started = new CountDownLatch(1);
        Thread signaller = new Thread(() -> {
            started.countDown();
            events.signal();
        });
        signaller.start();
        started.await();
        assertEquals(seen + 1, events.awaitSpinning(seen, TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(5)));
        signaller.join();
    }

    @Test
    void anEventAfterTheSpinEndsTheParkedWait() throws Exception {
        Events events = new Events();
        long seen = events.count();
        long[] returned = new long[1];
        Thread waiter = new Thread(() -> {
            try {
                returned[0] = events.awaitSpinning(seen, 1_000, TimeUnit.SECONDS.toNanos(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        // Signals only once the waiter has parked (its spin of 1 µs is long over by then).
        while (waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        events.signal();
        waiter.join();
        assertEquals(seen + 1, returned[0]);
    }

    @Test
    void noEventReturnsTheCountSeenAtTheBound() throws Exception {
        Events events = new Events();
        events.signal();
        long seen = events.count();
        assertEquals(seen, events.awaitSpinning(seen, 1_000, TimeUnit.MILLISECONDS.toNanos(5)));
        assertEquals(seen, events.awaitSpinning(seen, TimeUnit.MILLISECONDS.toNanos(5), 1_000));
    }
}
