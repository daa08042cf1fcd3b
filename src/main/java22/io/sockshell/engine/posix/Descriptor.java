package io.sockshell.engine.posix;

import java.util.Arrays;

/**
 * One socket's descriptor number, and when it may go back to the kernel. A closed socket must
 * never reach a descriptor that has since been given to another socket (the kernel reuses the
 * lowest free number at once), so the number is closed only when no call is using it: every
 * call {@link #acquire()}s it and {@link #release()}s it, and after {@link #close()} acquire
 * gives -1, on which every system call fails with EBADF, as on CPython's closed socket. A close
 * while another thread waits on the socket wakes that wait, through the wakeups it registered.
 */
final class Descriptor {
    /** Closes the number for real, once nothing uses it. */
    @FunctionalInterface
    interface Closer {
        void close(int fd);
    }

    private final int fd;
    private final Closer closer;
    private int users;
    private boolean closed;
    private boolean released;
    private int[] waits = new int[0];

    Descriptor(int fd, Closer closer) {
        this.fd = fd;
        this.closer = closer;
    }

    /** The number to make a call with (-1 once closed); release it when the call is over. */
    synchronized int acquire() {
        users++;
        return closed ? -1 : fd;
    }

    void release() {
        boolean closeNow;
        synchronized (this) {
            users--;
            closeNow = closed && users == 0 && !released;
            released |= closeNow;
        }
        if (closeNow) {
            closer.close(fd);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** The number while open, -1 once closed: what {@code fileno()} shows. */
    synchronized int number() {
        return closed ? -1 : fd;
    }

    /**
     * Closes the socket: from now on calls get -1; waits on it are woken; the number itself is
     * closed now if no call uses it, else by the last call to finish. False if already closed.
     */
    boolean close() {
        int[] woken;
        boolean closeNow;
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            woken = waits;
            closeNow = users == 0;
            released = closeNow;
        }
        for (int wakeup : woken) {
            Wakeups.wake(wakeup);
        }
        if (closeNow) {
            closer.close(fd);
        }
        return true;
    }

    /** A wait on this socket, woken through {@code wakeup} if the socket closes; false if it is closed. */
    synchronized boolean watch(int wakeup) {
        if (closed) {
            return false;
        }
        waits = Arrays.copyOf(waits, waits.length + 1);
        waits[waits.length - 1] = wakeup;
        return true;
    }

    synchronized void unwatch(int wakeup) {
        for (int i = 0; i < waits.length; i++) {
            if (waits[i] == wakeup) {
                int[] fewer = new int[waits.length - 1];
                System.arraycopy(waits, 0, fewer, 0, i);
                System.arraycopy(waits, i + 1, fewer, i, waits.length - i - 1);
                waits = fewer;
                return;
            }
        }
    }
}
