package io.sockshell.engine.nio;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Selectors kept from one select or poll call to the next, with their registrations, so that
 * watching the same sockets again costs no system call per socket: a fresh selector on every
 * call made a select loop over 10,000 sockets spend most of its time registering them.
 *
 * <p>The JDK does not really close a channel that a selector still holds a key for: it waits
 * until that selector deregisters the key, keeping the port bound and sending a FIN where
 * Linux would send a reset. So every channel is closed through {@link #close}, which first
 * takes it out of the idle selectors; a selector in use lets go of it when it comes back
 * ({@link #give}), as a fresh selector closed after the call did. A selector left watching
 * nothing is closed rather than kept.
 */
final class SelectorPool {
    private static final Deque<Selector> IDLE = new ArrayDeque<>();

    private SelectorPool() {
    }

    /** An idle selector, or a new one; hand it back with {@link #give} or close it. */
    static Selector take() throws IOException {
        synchronized (IDLE) {
            Selector idle = IDLE.pollFirst();
            if (idle != null) {
                return idle;
            }
        }
        return Selector.open();
    }

    /** Returns a selector to the pool once the keys of channels closed meanwhile are gone. */
    static void give(Selector selector) {
        synchronized (IDLE) {
            if (flush(selector)) {
                IDLE.addFirst(selector);
            }
        }
    }

    /**
     * Closes a channel once no idle selector holds it, so that it closes at once, as the
     * kernel's socket would (a reset for unread data, the port free again).
     */
    static void close(Channel channel) throws IOException {
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
            }
            channel.close();
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
