package io.sockshell.engine.nio;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The selector one socket's blocking calls wait on, kept from one wait to the next. A bulk
 * sendall waits for room every few hundred KiB; a fresh selector each time cost seven system
 * calls and a dozen objects, a kept one a single {@code epoll_wait}.
 *
 * <p>It only ever watches its own socket's channels, so it never keeps another socket's
 * channel from closing (the JDK closes a channel for real only once no selector holds it). It
 * is dropped whenever its socket swaps or closes a channel, before that channel closes. A
 * wait that finds it taken (two threads waiting on one socket) uses a fresh selector. At most
 * {@link #KEPT_MAX} sockets keep one, so that thousands of sockets do not triple their
 * descriptors (a selector holds two).
 */
final class KeptSelector {
    private static final int KEPT_MAX = 256;
    private static final AtomicInteger KEPT = new AtomicInteger();

    private Selector idle;
    /** This socket holds one of the {@link #KEPT_MAX} places. */
    private boolean placed;
    private boolean closed;

    /** The kept selector, or a fresh one; hand it back with {@link #give}. */
    Selector take() throws IOException {
        synchronized (this) {
            Selector kept = idle;
            idle = null;
            if (kept != null) {
                return kept;
            }
        }
        return Selector.open();
    }

    /** Keeps a selector for the next wait, or closes it if one is kept or there is no room. */
    void give(Selector selector) {
        synchronized (this) {
            if (!closed && idle == null && selector.isOpen() && (placed || takePlace())) {
                idle = selector;
                return;
            }
        }
        closeQuietly(selector);
    }

    private boolean takePlace() {
        if (KEPT.incrementAndGet() > KEPT_MAX) {
            KEPT.decrementAndGet();
            return false;
        }
        placed = true;
        return true;
    }

    /** Lets go of the kept selector, so that a channel it watched can close at once. */
    void drop() {
        Selector kept;
        synchronized (this) {
            kept = idle;
            idle = null;
        }
        closeQuietly(kept);
    }

    /** The socket is closed: nothing is kept from now on. */
    void close() {
        synchronized (this) {
            closed = true;
            if (placed) {
                placed = false;
                KEPT.decrementAndGet();
            }
        }
        drop();
    }

    private static void closeQuietly(Selector selector) {
        if (selector == null) {
            return;
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
