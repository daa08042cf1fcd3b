package io.sockshell.program;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A program's standard input, written by a thread of its own: a write into a full pipe (a
 * program that does not read its input) blocks, and it must block that thread, never the
 * shell. A step hands its bytes over and waits, with a bound, until they are in the pipe.
 */
final class InputPipe implements AutoCloseable {
    /** Handed to the writer to close the pipe after everything before it. */
    private static final byte[] END = new byte[0];

    private final OutputStream stdin;
    private final Events events;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Held while writing to the pipe, by the writer or a caller writing at once: one write at a time, in order. */
    private final Object writing = new Object();
    /** Pieces handed over, and pieces written (or dropped once the pipe broke). */
    private long handed;
    private long done;
    private boolean ended;
    private String broken;

    InputPipe(OutputStream stdin, Events events, String name) {
        this.stdin = stdin;
        this.events = events;
        this.writer = new Thread(this::write, "program " + name + " input");
        writer.setDaemon(true);
        writer.start();
    }

    private void write() {
        while (true) {
            byte[] piece;
            try {
                piece = queue.take();
            } catch (InterruptedException e) {
                closeQuietly();
                return;
            }
            if (piece == END) {
                closeQuietly();
            } else if (brokenReason() == null) {
                writeToPipe(piece);
            }
            synchronized (this) {
                done++;
                notifyAll();
            }
            events.signal();
            if (piece == END) {
                return;
            }
        }
    }

    private synchronized String brokenReason() {
        return broken;
    }

    private void writeToPipe(byte[] piece) {
        synchronized (writing) {
            try {
                stdin.write(piece);
                stdin.flush();
            } catch (IOException e) {
                synchronized (this) {
                    broken = e.getMessage();
                }
            }
        }
    }

    /**
     * Writes {@code bytes} on the calling thread, sparing the hand-over to the writer, when the
     * caller knows the write cannot block (the program was last seen reading an empty pipe, and
     * the bytes fit in a pipe's smallest buffer) and nothing is waiting to be written before them.
     * Returns false, having written nothing, when something is.
     */
    boolean sendNow(byte[] bytes) {
        synchronized (this) {
            if (ended || broken != null || handed != done) {
                return false;
            }
            handed++;
        }
        writeToPipe(bytes);
        synchronized (this) {
            done++;
            notifyAll();
        }
        return true;
    }

    /**
     * Hands {@code bytes} over (or the end of input, for null) and waits until they are in the
     * pipe, at most until {@code deadline}; returns false if they are not there by then.
     */
    boolean send(byte[] bytes, long deadline) throws InterruptedException {
        long mine;
        synchronized (this) {
            if (ended) {
                return true;
            }
            ended = bytes == null;
            mine = ++handed;
        }
        queue.add(bytes == null ? END : bytes);
        synchronized (this) {
            while (done < mine) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Whether eof has closed it. */
    synchronized boolean ended() {
        return ended;
    }

    /** Why writing failed (the program closed its input or ended), or null. */
    synchronized String broken() {
        return broken;
    }

    /** How many pieces are still waiting to go into the pipe. */
    synchronized long waiting() {
        return handed - done;
    }

    private void closeQuietly() {
        try {
            stdin.close();
        } catch (IOException alreadyBroken) {
            // The program is gone or closed its end: nothing more to tell it.
        }
    }

    /** Closes the pipe; the writer ends once whatever it is writing gives up (the program is gone by then). */
    @Override
    public void close() {
        synchronized (this) {
            if (!ended) {
                ended = true;
                handed++;
                queue.add(END);
            }
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
    }
}
