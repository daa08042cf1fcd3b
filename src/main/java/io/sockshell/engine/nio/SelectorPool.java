package io.sockshell.engine.nio;

import io.sockshell.engine.ProcessStarts;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Selectors kept from one select or poll call to the next, with their registrations, so that
 * watching the same sockets again costs no system call per socket: a fresh selector on every
 * call made a select loop over 10,000 sockets spend most of its time registering them.
 *
 * <p>The JDK does not really close a channel that a selector still holds a key for: it waits
 * until that selector deregisters the key, keeping the port bound and sending a FIN where
 * Linux would send a reset. So every channel is closed through {@link #close}, which first
 * takes it out of the idle selectors. A selector in use may hold it too, from an earlier call
 * of another session (the pool is the process's): its key is cancelled and the selector woken,
 * and the select call, which goes on waiting, lets the key go as it starts again. Without
 * that, one session's long select kept another's closed sockets open until it returned. A
 * selector left watching nothing is closed rather than kept.
 */
final class SelectorPool {
    private static final Deque<Selector> IDLE = new ArrayDeque<>();
    /** How long a close waits for a selector in use to let its channel go. */
    private static final long LET_GO_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Selectors taken and not yet given back or let go; guarded by {@link #IDLE}. */
    private static final Set<Selector> IN_USE = Collections.newSetFromMap(new IdentityHashMap<>());

    private SelectorPool() {
    }

    /** An idle selector, or a new one; hand it back with {@link #give} or close it. */
    static Selector take() throws IOException {
        synchronized (IDLE) {
            Selector selector = IDLE.pollFirst();
            if (selector == null) {
                selector = Selector.open();
            }
            IN_USE.add(selector);
            return selector;
        }
    }

    /** Returns a selector to the pool once the keys of channels closed meanwhile are gone. */
    static void give(Selector selector) {
        synchronized (IDLE) {
            IN_USE.remove(selector);
            if (flush(selector)) {
                IDLE.addFirst(selector);
            }
        }
    }

    /** Closes a selector taken from the pool instead of giving it back (after a failed call). */
    static void discard(Selector selector) {
        synchronized (IDLE) {
            IN_USE.remove(selector);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    /**
     * Closes a channel once no selector of the pool holds it, so that it closes at once, as the
     * kernel's socket would (a reset for unread data, the port free again). An idle selector is
     * flushed here; one in use is woken, and its select lets the key go as it starts again,
     * which this waits for (a bounded spin: it takes microseconds once that thread runs).
     */
    static void close(Channel channel) throws IOException {
        boolean heldInUse = false;
        synchronized (IDLE) {
            if (channel instanceof SelectableChannel selectable && selectable.isRegistered()) {
                for (Iterator<Selector> each = IDLE.iterator(); each.hasNext(); ) {
                    Selector selector = each.next();
                    SelectionKey key = selectable.keyFor(selector);
                    if (key != null) {
                        key.cancel();
                        if (!flush(selector)) {
                            each.remove();
                        }
                    }
                }
                for (Selector selector : IN_USE) {
                    SelectionKey key = selectable.keyFor(selector);
                    if (key != null) {
                        key.cancel();
                        selector.wakeup();
                        heldInUse = true;
                    }
                }
            }
        }
        if (heldInUse) {
            awaitLetGo((SelectableChannel) channel);
        }
        ProcessStarts.close(channel);
    }

    /**
     * Waits until no selector holds the channel, at most {@link #LET_GO_NANOS}: past that (the
     * selecting thread starved) the JDK closes it when the selector lets go, as it did before.
     */
    private static void awaitLetGo(SelectableChannel channel) {
        long deadline = System.nanoTime() + LET_GO_NANOS;
        while (channel.isRegistered() && System.nanoTime() - deadline < 0) {
            Thread.yield();
        }
    }

    /**
     * Deregisters cancelled keys (a select does that), so their channels really close; false,
     * with the selector closed, when it has nothing left to watch or cannot be used again.
     */
    private static boolean flush(Selector selector) {
        try {
            selector.selectNow();
            // Nobody waits on an idle selector: a channel that is ready stops being watched
            // until the next call asks for it again, so later flushes do not report it again.
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isValid()) {
                    key.interestOps(0);
                }
            }
            selector.selectedKeys().clear();
            if (!selector.keys().isEmpty()) {
                return true;
            }
        } catch (IOException | ClosedSelectorException e) {
            // Closed below; the next call opens a fresh one.
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        return false;
    }
}
