package io.sockshell.engine.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory one thread uses for its calls: where errno is captured, a socket address and
 * its length, an option value, a poll set of one socket and a wakeup, and a receive buffer.
 * Kept per thread so that a call allocates nothing; freed with the thread (an automatic arena).
 */
final class Scratch {
    /** The most one recv reads: more than Linux queues on a socket by default (tcp_rmem's 6 MiB). */
    static final int MAX_RECEIVE = 8 << 20;
    /** Room for any socket address (sizeof(struct sockaddr_storage)). */
    static final int ADDRESS_ROOM = 128;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final Arena arena = Arena.ofAuto();
    final MemorySegment captured = Libc.captureSegment(arena);
    final MemorySegment address = arena.allocate(ADDRESS_ROOM, 8);
    final MemorySegment addressLength = arena.allocate(ValueLayout.JAVA_INT);
    final MemorySegment option = arena.allocate(16, 8);
    final MemorySegment optionLength = arena.allocate(ValueLayout.JAVA_INT);
    final MemorySegment counter = arena.allocate(ValueLayout.JAVA_LONG);
    final MemorySegment text = arena.allocate(64);
    /** Two pollfd structs: a socket and the wakeup of its wait. */
    final MemorySegment pollPair = arena.allocate(PollSet.POLLFD_SIZE * 2L, 8);
    private MemorySegment receive;

    private Scratch() {
    }

    static Scratch current() {
        return CURRENT.get();
    }

    /** A receive buffer of at least {@code size} bytes (at most {@link #MAX_RECEIVE}). */
    MemorySegment receiveBuffer(long size) {
        long wanted = Math.min(Math.max(size, 1), MAX_RECEIVE);
        if (receive == null || receive.byteSize() < wanted) {
            receive = Arena.ofAuto().allocate(Math.max(wanted, 64 * 1024), 16);
        }
        return receive;
    }
}
