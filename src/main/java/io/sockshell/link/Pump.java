package io.sockshell.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a relayed connection: reads from one end and writes to the other until the
 * first ends, then half-closes the second (its reader sees {@code b''}). Without impairment it
 * copies as fast as the two sockets go. With one it cuts pieces: a piece is the size drawn from
 * the seeded random (or whatever has arrived when not slicing), cut short only when nothing more
 * is on its way; held and paced as asked; and, when slicing, written only once the reader has
 * taken the previous one. Those waits read the kernel's queues ({@link TcpQueues}), never a clock.
 */
final class Pump {
    /** What one read moves at first when nothing is done to the bytes, and with an impairment. */
    private static final int FIRST_BUFFER = 64 * 1024;
    /**
     * What one read moves at most when nothing is done to the bytes: a buffer that a read filled
     * doubles up to this (a bulk transfer through a 256 KiB buffer ran at a quarter of the speed
     * it does through 1 MiB here), while a thousand quiet connections keep 64 KiB each.
     */
    private static final int MOST_BUFFER = 1024 * 1024;
    /**
     * The pause between two looks at the kernel's queues, and between two looks at the shell's
     * reader once spinning has not sufficed.
     */
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /**
     * How long a wait for the shell's reader spins before it pauses: about as long as the reader
     * takes to wake in its recv and take a piece, which a pause (50 us at least, Linux's timer
     * slack) would more than double.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

    private final Relayed connection;
    private final Direction direction;
    private final SocketChannel from;
    private final SocketChannel to;
    /** The four addresses, kept: a closed channel no longer tells them. */
    private final InetSocketAddress fromLocal;
    private final InetSocketAddress fromRemote;
    private final InetSocketAddress toLocal;
    private final InetSocketAddress toRemote;
    private final LinkOptions options;
    private final SplittableRandom random;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong pieces = new AtomicLong();
    /** Pieces written while {@code trace} is on that the trace has not yet shown delivered, in order. */
    private final Queue<Piece> untold = new ConcurrentLinkedQueue<>();
    /** What the reader has taken as far as this pump knows: its waits saw it, or it was written when nothing waits. */
    private volatile long taken;
    private InputStream arrived;
    private TcpQueues queues;
    /** The shell's own count of what the reader has read, once the reader is found to be the shell's socket. */
    private volatile LongSupplier readerCount;
    private boolean ended;

    Pump(Relayed connection, Direction direction, SocketChannel from, SocketChannel to, LinkOptions options,
            SplittableRandom random) throws IOException {
        this.connection = connection;
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.fromLocal = (InetSocketAddress) from.getLocalAddress();
        this.fromRemote = (InetSocketAddress) from.getRemoteAddress();
        this.toLocal = (InetSocketAddress) to.getLocalAddress();
        this.toRemote = (InetSocketAddress) to.getRemoteAddress();
        this.options = options;
        this.random = random;
    }

    Direction direction() {
        return direction;
    }

    /** What went through so far: {@code 30000B/12}, bytes and pieces written. */
    String counts() {
        return bytes.get() + "B/" + pieces.get();
    }

    /** Relays until the source ends, the link closes it, or an impairment ends it; never throws. */
    void run() {
        try {
            if (options.appliesTo(direction) && options.impairs()) {
                impaired();
            } else {
                copy();
            }
        } catch (IOException failed) {
            connection.failed(direction, failed);
        } finally {
            if (queues != null) {
                queues.close();
            }
        }
    }

    private void copy() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(FIRST_BUFFER);
        while (from.read(buffer) >= 0) {
            boolean filled = !buffer.hasRemaining();
            buffer.flip();
            count(buffer.remaining(), System.nanoTime());
            while (buffer.hasRemaining()) {
                to.write(buffer);
            }
            taken = bytes.get();
            buffer = filled && buffer.capacity() < MOST_BUFFER ? ByteBuffer.allocateDirect(buffer.capacity() * 2)
                    : buffer.clear();
        }
        to.shutdownOutput();
    }

    /**
     * Counts a piece before writing it: once the reader has it, a listing must include it, and
     * the reader can take it before the write returns here. {@code ready} is when its bytes were
     * all at hand, before it was held.
     */
    private void count(long length, long ready) {
        long end = bytes.addAndGet(length);
        long number = pieces.incrementAndGet();
        if (connection.tracing()) {
            untold.add(new Piece(number, length, end, ready, System.nanoTime()));
        }
    }

    /**
     * The pieces the reader has taken since the last call, oldest first, for {@code trace on}.
     * A reader that is a socket of the shell has taken a piece once its own count of bytes read
     * covers it, which its recv moves before it returns; so a piece is told after the very command
     * that read it, whenever this pump's thread gets to look.
     */
    List<Piece> delivered() {
        List<Piece> told = new ArrayList<>();
        if (untold.isEmpty()) {
            return told;
        }
        long read = readerTaken();
        for (Piece next = untold.peek(); next != null && next.end() <= read; next = untold.peek()) {
            told.add(untold.remove());
        }
        return told;
    }

    private long readerTaken() {
        LongSupplier count = shellReaderCount();
        return count == null ? taken : count.getAsLong();
    }

    /** The shell's own count of what the reader has read, or null while the reader is not found to be the shell's. */
    private LongSupplier shellReaderCount() {
        LongSupplier count = readerCount;
        if (count == null) {
            count = connection.readers().bytesRead(toRemote, toLocal).orElse(null);
            readerCount = count;
        }
        return count;
    }

    /**
     * One piece written: its number in this direction, its size, the bytes written up to its end,
     * and when ({@link System#nanoTime}) its bytes were all at hand and when it was written.
     */
    record Piece(long number, long size, long end, long readyNanos, long writtenNanos) {
    }

    private void impaired() throws IOException {
        ByteBuffer held = ByteBuffer.allocate(Math.max(FIRST_BUFFER, options.sliceMax()));
        long started = -1;
        boolean resets = options.resetAfter() >= 0 && (options.limit() < 0 || options.resetAfter() < options.limit());
        long end = resets ? options.resetAfter() : options.limit();
        while (true) {
            long size = options.slicing() ? random.nextInt(options.sliceMin(), options.sliceMax() + 1) : held.capacity();
            if (end >= 0) {
                size = Math.min(size, end - bytes.get());
            }
            if (size > 0) {
                fill(held, (int) size);
            }
            int piece = (int) Math.min(size, held.position());
            if (piece == 0) {
                break;
            }
            long ready = System.nanoTime();
            if (started < 0) {
                started = ready;
            }
            hold();
            held.flip();
            int after = held.limit();
            held.limit(piece);
            count(piece, ready);
            while (held.hasRemaining()) {
                to.write(held);
            }
            held.limit(after);
            held.compact();
            pace(started);
            if (options.slicing()) {
                awaitTaken();
            }
            taken = bytes.get();
        }
        if (resets && bytes.get() >= end) {
            awaitTaken();
            connection.reset("reset after " + bytes.get() + " bytes " + direction.label());
            return;
        }
        to.shutdownOutput();
    }

    /**
     * Reads until {@code held} has {@code size} bytes, the source has ended, or it has some and
     * nothing more is on its way. Blocks only while it has nothing.
     */
    private void fill(ByteBuffer held, int size) throws IOException {
        while (!ended && held.position() < size && held.hasRemaining()) {
            if (held.position() == 0 || available() > 0) {
                ended = from.read(held) < 0;
            } else if (!options.slicing() || nothingOnItsWay()) {
                return;
            } else {
                pause();
            }
        }
    }

    private int available() throws IOException {
        if (arrived == null) {
            arrived = from.socket().getInputStream();
        }
        return arrived.available();
    }

    /** The writer's socket has nothing unacknowledged (so nothing in flight) and nothing has arrived. */
    private boolean nothingOnItsWay() throws IOException {
        Optional<TcpQueues.Queues> writer = queues().look().of(fromRemote, fromLocal);
        return (writer.isEmpty() || writer.get().send() == 0) && available() == 0;
    }

    /**
     * Waits until the reader has taken everything written to it. When the reader is a socket of
     * the shell, its own count of bytes read says so the moment its recv returns; otherwise the
     * kernel's tables do (see {@link #awaitTakenByTheKernel()}).
     */
    private void awaitTaken() throws IOException {
        LongSupplier count = shellReaderCount();
        if (count == null) {
            awaitTakenByTheKernel();
            return;
        }
        long written = bytes.get();
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (connection.open() && count.getAsLong() < written) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                pause();
            }
        }
    }

    /**
     * Waits until the reader has taken everything written to it: its receive queue is empty and
     * everything has reached it (the link's own socket has nothing unacknowledged, or the reader's
     * queue was seen holding the piece). Ends at once if either socket is gone.
     */
    private void awaitTakenByTheKernel() throws IOException {
        boolean arrivedThere = false;
        while (connection.open()) {
            TcpQueues.Look look = queues().look();
            Optional<TcpQueues.Queues> reader = look.of(toRemote, toLocal);
            if (reader.isEmpty()) {
                return;
            }
            if (reader.get().receive() > 0) {
                arrivedThere = true;
            } else if (arrivedThere) {
                return;
            } else {
                Optional<TcpQueues.Queues> writer = look.of(toLocal, toRemote);
                if (writer.isEmpty() || writer.get().send() == 0) {
                    return;
                }
            }
            // A look reads the kernel's tables, which takes milliseconds: spinning between two
            // would only take the processor from the reader.
            pause();
        }
    }

    private TcpQueues queues() {
        if (queues == null) {
            queues = new TcpQueues();
        }
        return queues;
    }

    /** A short pause between looks at the kernel's queues. */
    private void pause() {
        LockSupport.parkNanos(PAUSE_NANOS);
    }

    /** Holds a piece as long as --delay (and a seeded part of --jitter) says. */
    private void hold() {
        long millis = options.delayMillis() + (options.jitterMillis() > 0 ? random.nextInt(options.jitterMillis() + 1) : 0);
        sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /**
     * Keeps the bytes so far within --rate, counted from when the first piece was at hand (not
     * from the connection's start, which would let a connection idle at first send in a burst).
     */
    private void pace(long started) {
        if (options.rate() > 0) {
            sleepUntil(started + (long) (bytes.get() * 1e9 / options.rate()));
        }
    }

    /** The impairments are the only timed waits here: they are what a slow network does. */
    private void sleepUntil(long deadline) {
        long left;
        while (connection.open() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
