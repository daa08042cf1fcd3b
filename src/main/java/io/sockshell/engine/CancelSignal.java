package io.sockshell.engine;

/**
 * Lets another thread cancel the blocking call a thread is making, without interrupting the
 * thread: an interrupt would close the NIO channel under it, and the learner's socket with it.
 * A blocking call raises {@code KeyboardInterrupt} when cancelled and leaves its socket usable.
 *
 * <p>The signal knows nothing of how a backend waits: around each wait the backend installs a
 * {@link Wakeup} that ends that wait early (the NIO backend a selector's wakeup; a backend that
 * blocks in {@code poll()} would write to an eventfd or pipe that poll also watches).
 */
public final class CancelSignal {
    private static final ThreadLocal<CancelSignal> CURRENT = ThreadLocal.withInitial(CancelSignal::new);

    private volatile boolean cancelled;
    /** Set by {@link #cancelWhenWaiting()}: the next wait is cancelled as it begins. */
    private volatile boolean cancelAtWait;
    private volatile Wakeup waitingOn;
    /** When the wait in progress began ({@link System#nanoTime()}), or 0 while there is none. */
    private volatile long waitingSince;

    /** Ends a backend's wait early; called from the cancelling thread, so it must be thread-safe. */
    @FunctionalInterface
    public interface Wakeup {
        void wake();
    }

    /** The signal the calling thread's blocking calls obey. */
    public static CancelSignal current() {
        return CURRENT.get();
    }

    /**
     * Makes {@code signal} the one this thread's blocking calls obey. A cancel that came before the
     * thread got here still counts: a job killed right after it was started must not block.
     */
    public static void install(CancelSignal signal) {
        CURRENT.set(signal);
    }

    public void cancel() {
        cancelled = true;
        Wakeup wakeup = waitingOn;
        if (wakeup != null) {
            wakeup.wake();
        }
    }

    /** Forgets an earlier cancel, so the next call runs. */
    public void reset() {
        cancelled = false;
        cancelAtWait = false;
    }

    /**
     * Cancels the thread's next blocking wait as soon as it begins, as a Ctrl-C pressed once the
     * call blocks; a call that never waits runs as usual. A transcript replays a recorded
     * Ctrl-C with it, without a clock.
     */
    public void cancelWhenWaiting() {
        cancelAtWait = true;
    }

    /**
     * Asked by the waiting thread: true once cancelled, or once that thread has been interrupted
     * (an interrupted thread's selector returns at once, so waiting on would spin for ever).
     */
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /**
     * Called by the backend around each wait: {@code wakeup} before it starts waiting, so
     * {@link #cancel()} can end the wait, and {@code null} once the wait is over. A cancel
     * that came before the wait started wakes it at once.
     */
    public void waitingOn(Wakeup wakeup) {
        waitingSince = wakeup == null ? 0 : Math.max(1, System.nanoTime());
        waitingOn = wakeup;
        if (wakeup != null && cancelAtWait) {
            cancelled = true;
        }
        if (wakeup != null && cancelled) {
            wakeup.wake();
        }
    }

    /**
     * How long the thread has been waiting in its current blocking call, in nanoseconds; 0 while
     * it is in none (running, or between calls). Asked from another thread, as a terminal asks
     * whether the command in the foreground sits waiting.
     */
    public long waitingFor() {
        long since = waitingSince;
        return since == 0 ? 0 : Math.max(1, System.nanoTime() - since);
    }
}
