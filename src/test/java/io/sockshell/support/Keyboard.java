package io.sockshell.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** A terminal's input that a test types into; reads block until something is typed or it is closed. */
public final class Keyboard extends InputStream {
    private final Deque<Integer> pending = new ArrayDeque<>();
    private boolean closed;

    public synchronized void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            pending.add(b & 0xff);
        }
        notifyAll();
    }

    @Override
    public synchronized int read() {
        while (pending.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return pending.isEmpty() ? -1 : pending.poll();
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        buffer[offset] = (byte) first;
        int count = 1;
        while (count < length && !pending.isEmpty()) {
            buffer[offset + count++] = (byte) (int) pending.poll();
        }
        return count;
    }

    @Override
    public synchronized int available() {
        return pending.size();
    }

    /** The end of input, as when the terminal goes away. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
