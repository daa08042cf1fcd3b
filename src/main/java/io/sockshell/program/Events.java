package io.sockshell.program;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Something happened to a program: it printed, its input was written, it exited, or the step
 * waiting on it was cancelled. A waiting step counts events instead of sleeping: it waits until
 * the count moves on or a bound passes, and the bound is the longest it goes without looking.
 * (A Condition, not Object.wait: its bounds are nanoseconds, where Object.wait rounds up to a
 * millisecond, and the quiet check waits a few microseconds at a time.)
 */
final class Events {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long count;

    void signal() {
        lock.lock();
        try {
            count++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long count() {
        return count;
    }

    /**
     * As {@link #await}, but first spins for up to {@code spinNanos} without giving up the
     * processor. For a wait expected to be short: see {@link Program}'s answer wait.
     */
    long awaitSpinning(long seen, long spinNanos, long nanos) throws InterruptedException {
        long start = System.nanoTime();
        long spinUntil = start + Math.min(spinNanos, nanos);
        while (count == seen) {
            if (System.nanoTime() - spinUntil >= 0) {
                return await(seen, nanos - (System.nanoTime() - start));
            }
            Thread.onSpinWait();
        }
        return count;
    }

    /** Waits until an event after {@code seen} or until {@code nanos} pass; returns the count then. */
    long await(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (count == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    static long nanos(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }
}
