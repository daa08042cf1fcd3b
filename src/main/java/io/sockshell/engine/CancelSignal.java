package io.sockshell.engine;

import java.nio.channels.Selector;

/**
 * Lets another thread cancel the blocking call a thread is making, without interrupting the
 * thread: an interrupt would close the NIO channel under it, and the learner's socket with it.
 * A blocking call raises {@code KeyboardInterrupt} when cancelled and leaves its socket usable.
 */
public final class CancelSignal {
    private static final ThreadLocal<CancelSignal> CURRENT = ThreadLocal.withInitial(CancelSignal::new);

    private volatile boolean cancelled;
    private volatile Selector waitingOn;

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
        Selector selector = waitingOn;
        if (selector != null) {
            selector.wakeup();
        }
    }

    /** Forgets an earlier cancel, so the next call runs. */
    public void reset() {
        cancelled = false;
    }

    /**
     * Asked by the waiting thread: true once cancelled, or once that thread has been interrupted
     * (an interrupted thread's selector returns at once, so waiting on would spin for ever).
     */
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Called by the engine around each wait, so {@link #cancel()} can wake it. */
    public void waitingOn(Selector selector) {
        waitingOn = selector;
        if (selector != null && cancelled) {
            selector.wakeup();
        }
    }
}
