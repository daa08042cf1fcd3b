package io.sockshell.engine.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The {@code struct pollfd} array poll(2) takes: {@code int fd; short events; short revents}. */
final class PollSet {
    static final int POLLFD_SIZE = 8;

    private PollSet() {
    }

    static void set(MemorySegment set, int index, int fd, int events) {
        long at = (long) index * POLLFD_SIZE;
        set.set(ValueLayout.JAVA_INT, at, fd);
        set.set(ValueLayout.JAVA_SHORT, at + 4, (short) events);
        set.set(ValueLayout.JAVA_SHORT, at + 6, (short) 0);
    }

    static int fd(MemorySegment set, int index) {
        return set.get(ValueLayout.JAVA_INT, (long) index * POLLFD_SIZE);
    }

    static int events(MemorySegment set, int index) {
        return Short.toUnsignedInt(set.get(ValueLayout.JAVA_SHORT, (long) index * POLLFD_SIZE + 4));
    }

    static int revents(MemorySegment set, int index) {
        return Short.toUnsignedInt(set.get(ValueLayout.JAVA_SHORT, (long) index * POLLFD_SIZE + 6));
    }
}
