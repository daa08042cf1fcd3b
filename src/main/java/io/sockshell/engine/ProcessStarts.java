package io.sockshell.engine;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;

/**
 * Keeps the start of a process and the close of a socket apart. The JDK starts a process by
 * cloning the JVM, so the child holds a copy of every descriptor of the JVM until it closes
 * them, just before it runs the program; a close-on-exec descriptor too, until the JDK's
 * launcher helper runs. A socket closed in that window stays open in the kernel until the child
 * lets go: a closed listener still completes connections, a closed connection sends its FIN
 * late, and its port stays bound. With {@code true} started in a loop on another thread, 38 of
 * 3,000 connects to a TCP listener closed just before succeeded on nio, and 33 on posix, whose
 * sockets are close-on-exec (none without the starts).
 *
 * <p>So every process sockshell starts goes through {@link #start}, and every socket of the
 * engine (and of a link) closes through {@link #close}: closes share a lock that a start takes
 * alone. {@link ProcessBuilder#start()} returns once the child runs its program, its copies
 * closed, so a close waits at most that long.
 */
public final class ProcessStarts {
    private static final ReadWriteLock STARTING = new ReentrantReadWriteLock();

    private ProcessStarts() {
    }

    /** Starts a process while no socket is closing. */
    public static Process start(ProcessBuilder builder) throws IOException {
        STARTING.writeLock().lock();
        try {
            return builder.start();
        } finally {
            STARTING.writeLock().unlock();
        }
    }

    /** Closes a socket (or anything holding one) while no process is starting. */
    public static void close(Closeable socket) throws IOException {
        STARTING.readLock().lock();
        try {
            socket.close();
        } finally {
            STARTING.readLock().unlock();
        }
    }

    /** Makes a close system call of a descriptor number while no process is starting; its result. */
    public static int closing(IntSupplier close) {
        STARTING.readLock().lock();
        try {
            return close.getAsInt();
        } finally {
            STARTING.readLock().unlock();
        }
    }
}
