package io.sockshell.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Collects text written by another thread (a terminal, a child process) and lets a test wait,
 * with a bound, until the text shows what it expects.
 */
public final class TextSink extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean closed;

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Everything written so far. */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code done} holds for the text; returns the text then. */
    public synchronized String await(Predicate<String> done, Duration bound, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        String text = text();
        while (!done.test(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                throw new AssertionError("expected " + what + (closed ? " before the end" : " within " + bound)
                        + "; got:\n" + text);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            text = text();
        }
        return text;
    }

    /** Waits until {@code needle} occurs {@code count} times in the text. */
    public String awaitCount(String needle, int count, Duration bound) {
        return await(text -> occurrences(text, needle) >= count, bound, count + " x " + needle);
    }

    public String awaitContains(String needle, Duration bound) {
        return awaitCount(needle, 1, bound);
    }

    /** Waits for the end of the stream; returns all of it. */
    public synchronized String awaitClosed(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("stream still open after " + bound + "; got:\n" + text());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return text();
    }

    public static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
