package io.sockshell.program;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a program prints, stdout and stderr merged in one pipe (a FIFO the program writes and
 * sockshell both reads and writes), read by a thread of its own so that the program never
 * blocks on a full pipe. Between two steps at most {@link #KEPT_BYTES} are kept; the rest is
 * counted, so ten megabytes of output cost no more memory than a line.
 *
 * <p>A step must show exactly what the program printed before it went quiet, and the reader
 * thread may be holding bytes it has read but not yet kept. So the step writes a marker of
 * random bytes into the pipe itself, after the program's last byte, and waits until the reader
 * has come to it ({@link #drain}): everything before the marker is then kept, whatever the
 * threads' timing. (The stream the JDK gives a process's output is drained and closed by the
 * JDK itself when the process exits: hence a FIFO of sockshell's own.)
 *
 * <p>The marker costs two hand-offs between threads, most of a step's time when a program
 * answers at once. So a drain first asks the kernel whether there is anything to wait for:
 * the pipe is empty and the reader sleeps in its read, and did throughout the question
 * ({@link #takenIn}).
 */
final class OutputPipe implements AutoCloseable {
    /** Output kept between two steps; beyond it bytes are only counted. */
    static final int KEPT_BYTES = 64 * 1024;
    private static final int MARKER_BYTES = 16;
    private static final long CLOSE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Output since the last {@link #take}: the bytes kept and how many more were dropped. */
    record Taken(byte[] bytes, long dropped) {
    }

    private final InputStream in;
    private final RandomAccessFile marks;
    private final Events events;
    private final Thread reader;
    /** One marker at a time: a second would make the first look like output. */
    private final Object markerLock = new Object();

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    /** The marker the reader is looking for, or null; how many of its bytes it has matched so far. */
    private byte[] marker;
    private int matched;
    private long markersSeen;
    private boolean lastMarker;
    private boolean ended;
    /** The reader thread's own /proc files, once it has opened them; null where /proc does not show them. */
    private volatile ThreadFiles readerFiles;

    /** {@code in} reads the pipe, {@code marks} writes into it; the reader thread starts at once. */
    OutputPipe(InputStream in, RandomAccessFile marks, Events events, String name) {
        this.in = in;
        this.marks = marks;
        this.events = events;
        this.reader = new Thread(this::read, "program " + name + " output");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        byte[] buffer = new byte[16 * 1024];
        try {
            readerFiles = new ThreadFiles(Path.of("/proc/thread-self").toRealPath());
        } catch (IOException noProcForThreads) {
            // Every drain then sends a marker.
        }
        try {
            int n;
            while (!finished() && (n = in.read(buffer)) > 0) {
                accept(buffer, n);
                events.signal();
            }
        } catch (IOException closed) {
            // Closed under it: the end, as after the last marker.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            events.signal();
            ThreadFiles files = readerFiles;
            if (files != null) {
                // A drain still asking them fails to read and sends a marker, which finds the reader ended.
                files.close();
            }
        }
    }

    private synchronized boolean finished() {
        return lastMarker && marker == null;
    }

    /** Keeps the program's bytes and leaves out a marker, which may come split across reads. */
    private synchronized void accept(byte[] data, int length) {
        if (marker == null) {
            keep(data, 0, length);
            return;
        }
        int plainFrom = 0;
        for (int i = 0; i < length && marker != null; i++) {
            byte b = data[i];
            if (b == marker[matched]) {
                if (matched == 0) {
                    keep(data, plainFrom, i - plainFrom);
                }
                matched++;
                plainFrom = i + 1;
                if (matched == marker.length) {
                    marker = null;
                    matched = 0;
                    markersSeen++;
                    notifyAll();
                }
            } else if (matched > 0) {
                // Not the marker after all: what looked like its start was output. The marker's
                // first byte occurs nowhere else in it, so the match can only start again here.
                keep(marker, 0, matched);
                matched = 0;
                plainFrom = i;
                if (b == marker[0]) {
                    matched = 1;
                    plainFrom = i + 1;
                }
            }
        }
        keep(data, plainFrom, length - plainFrom);
    }

    private void keep(byte[] data, int offset, int length) {
        int room = Math.max(0, KEPT_BYTES - kept.size());
        int taken = Math.min(room, length);
        kept.write(data, offset, taken);
        dropped += length - taken;
    }

    /**
     * Waits until the reader has kept everything written into the pipe before this call,
     * at most until {@code deadline} (System.nanoTime); returns false if it did not get there.
     */
    boolean drain(long deadline) throws IOException, InterruptedException {
        synchronized (markerLock) {
            if (takenIn()) {
                return true;
            }
            long seen = sendMarker(false);
            synchronized (this) {
                while (markersSeen == seen && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return true;
            }
        }
    }

    /**
     * Whether everything written into the pipe so far has been kept, told without waking the
     * reader: the reader is asleep in a read (so it kept what its last read returned), the pipe
     * is empty, and the reader was not scheduled from before the first of those reads to after
     * the second (so it slept in that read throughout, and took nothing from the pipe that it
     * has not kept). A reader woken and not yet run shows R, and one preempted in its read too.
     */
    private boolean takenIn() {
        ThreadFiles files = readerFiles;
        if (files == null) {
            return false;
        }
        try {
            long scheduled = files.timesScheduled();
            Stat stat = Stat.parse(files.stat.read());
            return stat != null && stat.state() == 'S' && TimedWaits.reading(files.waiting()) && in.available() == 0
                    && files.timesScheduled() == scheduled;
        } catch (IOException | RuntimeException cannotTell) {
            return false;
        }
    }

    private long sendMarker(boolean last) throws IOException {
        byte[] fresh = newMarker();
        long seen;
        synchronized (this) {
            if (ended) {
                return markersSeen;
            }
            seen = markersSeen;
            marker = fresh;
            matched = 0;
            lastMarker = last;
        }
        // One write of fewer than PIPE_BUF bytes: the kernel puts it in the pipe whole, never
        // between the bytes of another writer's write.
        marks.write(fresh);
        return seen;
    }

    /** The output kept since the last take, less a character cut in half at its end unless {@code whole}. */
    synchronized Taken take(boolean whole) {
        byte[] bytes = kept.toByteArray();
        int cut = whole || dropped > 0 ? bytes.length : bytes.length - incompleteTail(bytes);
        kept.reset();
        kept.write(bytes, cut, bytes.length - cut);
        Taken taken = new Taken(cut == bytes.length ? bytes : Arrays.copyOf(bytes, cut), dropped);
        dropped = 0;
        return taken;
    }

    /** How many bytes at the end begin a UTF-8 sequence that has not all arrived yet. */
    private static int incompleteTail(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }

    /** Ends the reader (with a last marker, so it needs no end of file from the program's side) and closes the pipe. */
    @Override
    public void close() {
        synchronized (markerLock) {
            try {
                sendMarker(true);
            } catch (IOException alreadyClosed) {
                // Nothing to wake: the reader stops at the close below.
            }
        }
        try {
            reader.join(TimeUnit.NANOSECONDS.toMillis(CLOSE_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing a pipe's read end cannot lose anything more.
        }
        try {
            marks.close();
        } catch (IOException ignored) {
            // Nor its write end.
        }
    }

    /** Random bytes whose first byte occurs only there, so a partial match never hides a real start. */
    private static byte[] newMarker() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] marker = new byte[MARKER_BYTES];
        marker[0] = (byte) random.nextInt(256);
        for (int i = 1; i < marker.length; i++) {
            do {
                marker[i] = (byte) random.nextInt(256);
            } while (marker[i] == marker[0]);
        }
        return marker;
    }
}
