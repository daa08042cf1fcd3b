package io.sockshell.engine.nio;

import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

/**
 * One socket's waits for its channel to be ready, until a deadline or a cancel. NIO waits only
 * through a selector, and a thread blocked in one must not be interrupted (that would close the
 * channel, and the learner's socket with it): each wait installs its selector's wakeup in the
 * thread's {@link CancelSignal}, so a cancel from another thread ends it. The selector is kept
 * from one wait to the next ({@link KeptSelector}), and let go of before any of the socket's
 * channels closes, so that the channel closes at once ({@link SelectorPool#close}).
 */
final class ChannelWait {
    private final NioSock owner;
    private final KeptSelector kept = new KeptSelector();

    ChannelWait(NioSock owner) {
        this.owner = owner;
    }

    /** Waits until {@code channel} is ready for {@code ops}; raises on timeout or cancel. */
    void await(SelectableChannel channel, int ops, long deadline) throws SockError {
        CancelSignal signal = CancelSignal.current();
        if (signal.isCancelled()) {
            throw SockError.interrupted();
        }
        Selector selector = null;
        try {
            selector = kept.take();
            SelectionKey key = watch(selector, channel, ops);
            signal.waitingOn(selector::wakeup);
            while (true) {
                if (deadline == Long.MAX_VALUE) {
                    selector.select();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw SockError.timedOut();
                    }
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
                }
                // An interrupted thread's select returns at once for as long as the flag is set;
                // without this check the wait would spin instead of ending.
                if (signal.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw SockError.interrupted();
                }
                boolean ready = selector.selectedKeys().remove(key);
                selector.selectedKeys().clear();
                if (ready) {
                    return;
                }
                if (owner.isClosed()) {
                    throw SockError.of(Errno.EBADF);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw IoErrors.map(e);
        } finally {
            signal.waitingOn(null);
            if (selector != null) {
                kept.give(selector);
            }
        }
    }

    /** Makes a kept selector watch {@code channel} for {@code ops}, registering it if need be. */
    private static SelectionKey watch(Selector selector, SelectableChannel channel, int ops) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && !key.isValid()) {
            // Cancelled but not yet deregistered: a select does that, then it may register again.
            selector.selectNow();
            selector.selectedKeys().clear();
            key = null;
        }
        if (key == null) {
            return channel.register(selector, ops);
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        return key;
    }

    /**
     * Closes one of this socket's channels, first letting go of the selector its waits keep,
     * so that the channel closes at once.
     */
    void closeChannel(Channel channel) throws IOException {
        kept.drop();
        SelectorPool.close(channel);
    }

    /** The socket is closed: its waits keep no selector from now on. */
    void close() {
        kept.close();
    }

    /** Whether {@code channel} is ready for {@code ops} right now, without waiting. */
    static boolean readyNow(SelectableChannel channel, int ops) throws SockError {
        try (Selector selector = Selector.open()) {
            channel.register(selector, ops);
            return selector.selectNow() > 0;
        } catch (IOException | RuntimeException e) {
            throw IoErrors.map(e);
        }
    }
}
