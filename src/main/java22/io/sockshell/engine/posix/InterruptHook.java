package io.sockshell.engine.posix;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * Makes {@link Thread#interrupt()} end a wait in poll(2), as it ends a wait in a selector. A
 * thread in a native call does not notice an interrupt; a selector does, because its select
 * runs between {@link AbstractSelector#begin()} and {@code end()}, which have the JDK call the
 * selector's {@link #wakeup()} when the thread is interrupted (at once, if it already is). This
 * is a selector only for that: each wait runs between {@link #enter} and {@link #leave}, and
 * wakeup writes to the wait's wakeup descriptor. One per thread; it selects nothing.
 */
final class InterruptHook extends AbstractSelector {
    private static final ThreadLocal<InterruptHook> CURRENT = ThreadLocal.withInitial(InterruptHook::new);

    private volatile int wakeup = -1;

    private InterruptHook() {
        super(SelectorProvider.provider());
    }

    static InterruptHook current() {
        return CURRENT.get();
    }

    /** From now until {@link #leave()}, an interrupt of this thread writes to {@code wakeup}. */
    void enter(int wakeup) {
        this.wakeup = wakeup;
        begin();
    }

    void leave() {
        end();
        this.wakeup = -1;
    }

    @Override
    public Selector wakeup() {
        int target = wakeup;
        if (target >= 0) {
            Wakeups.wake(target);
        }
        return this;
    }

    @Override
    protected void implCloseSelector() {
        // Nothing is held.
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
        throw new UnsupportedOperationException("selects nothing");
    }

    @Override
    public Set<SelectionKey> keys() {
        return Set.of();
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        return Set.of();
    }

    @Override
    public int selectNow() throws IOException {
        return 0;
    }

    @Override
    public int select(long timeout) throws IOException {
        return 0;
    }

    @Override
    public int select() throws IOException {
        return 0;
    }
}
