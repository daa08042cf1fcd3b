package io.sockshell.engine.internal;

import io.sockshell.engine.Address;
import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.TraceListener;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What stream and datagram sockets share: Python's three modes built on always-nonblocking
 * channels, a wait that {@link CancelSignal} can cut short, counters, options and tracing.
 */
abstract class NioSock implements Sock {
    /** Upper bound on one receive buffer, so {@code recv(2**31)} does not allocate 2 GiB. */
    static final int MAX_RECV_CHUNK = 4 << 20;

    final Family family;
    final TraceListener trace;
    /** Options the user set, re-applied whenever the engine swaps the channel underneath. */
    final Map<SockOption, Integer> userOptions = new EnumMap<>(SockOption.class);
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong sendCalls = new AtomicLong();
    final AtomicLong recvCalls = new AtomicLong();
    private final Object readLock = new Object();
    private ByteBuffer receiveBuffer;
    private volatile String label = "?";
    private volatile Double timeout;
    volatile boolean closed;

    NioSock(Family family, TraceListener trace) {
        this.family = family;
        this.trace = trace;
    }

    @FunctionalInterface
    interface Attempt<T> {
        /** One nonblocking try: the result, or null if it would block. */
        T tryOnce() throws IOException, SockError;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void label(String label) {
        this.label = label;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Double gettimeout() {
        return timeout;
    }

    @Override
    public void setblocking(boolean blocking) throws SockError {
        ensureOpen();
        timeout = blocking ? null : 0.0;
        traced("setblocking", blocking ? "1" : "0", "0");
    }

    @Override
    public void settimeout(Double seconds) throws SockError {
        ensureOpen();
        if (seconds != null && (seconds < 0 || seconds.isNaN())) {
            throw SockError.valueError("Timeout value out of range");
        }
        timeout = seconds;
        traced("settimeout", seconds == null ? "None" : PyRepr.number(seconds), "0");
    }

    @Override
    public LineFile makefile(String mode) throws SockError {
        ensureOpen();
        return new LineFile(this, mode);
    }

    @Override
    public SockInfo info() {
        Address local;
        Address peer;
        try {
            local = closed ? null : getsockname();
        } catch (SockError e) {
            local = null;
        }
        try {
            peer = closed ? null : getpeername();
        } catch (SockError e) {
            peer = null;
        }
        return new SockInfo(family, kind(), state(), local, peer, timeout, bytesSent.get(),
                bytesReceived.get(), sendCalls.get(), recvCalls.get());
    }

    abstract io.sockshell.engine.SocketState state();

    void ensureOpen() throws SockError {
        if (closed) {
            throw SockError.of(Errno.EBADF);
        }
    }

    boolean nonblocking() {
        Double t = timeout;
        return t != null && t == 0.0;
    }

    /** Nanosecond deadline for a call starting now, or {@link Long#MAX_VALUE} when blocking. */
    long deadline() {
        Double t = timeout;
        return t == null ? Long.MAX_VALUE : System.nanoTime() + (long) (t * 1e9);
    }

    /**
     * Runs {@code attempt} under the socket's mode: returns at once when it succeeds, raises
     * {@code wouldBlock} in nonblocking mode, otherwise waits for {@code ops} until the deadline.
     */
    <T> T underMode(Attempt<T> attempt, SelectableChannel channel, int ops, Errno wouldBlock) throws SockError {
        long deadline = deadline();
        while (true) {
            T result;
            try {
                result = attempt.tryOnce();
            } catch (IOException | RuntimeException e) {
                throw IoErrors.map(e);
            }
            if (result != null) {
                return result;
            }
            if (nonblocking()) {
                throw SockError.of(wouldBlock);
            }
            await(channel, ops, deadline);
        }
    }

    /**
     * Waits until {@code channel} is ready for {@code ops}; raises on timeout, on cancel, or when
     * the thread is interrupted (a selector returns at once for an interrupted thread, so waiting
     * on would spin). The interrupt status is left set for the caller.
     */
    void await(SelectableChannel channel, int ops, long deadline) throws SockError {
        CancelSignal signal = CancelSignal.current();
        if (signal.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw SockError.interrupted();
        }
        try (Selector selector = Selector.open()) {
            channel.register(selector, ops);
            signal.waitingOn(selector);
            while (true) {
                int ready;
                if (deadline == Long.MAX_VALUE) {
                    ready = selector.select();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw SockError.timedOut();
                    }
                    ready = selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
                }
                if (signal.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw SockError.interrupted();
                }
                if (ready > 0) {
                    return;
                }
                if (closed) {
                    throw SockError.of(Errno.EBADF);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw IoErrors.map(e);
        } finally {
            signal.waitingOn(null);
        }
    }

    /** A receive buffer reused across calls, so bulk transfers do not allocate per call. */
    <T> T withReceiveBuffer(int bufsize, BufferUse<T> use) throws SockError {
        synchronized (readLock) {
            int size = Math.min(bufsize, MAX_RECV_CHUNK);
            if (receiveBuffer == null || receiveBuffer.capacity() < size) {
                receiveBuffer = ByteBuffer.allocateDirect(Math.max(size, 8192));
            }
            receiveBuffer.clear().limit(size);
            return use.apply(receiveBuffer);
        }
    }

    @FunctionalInterface
    interface BufferUse<T> {
        T apply(ByteBuffer buffer) throws SockError;
    }

    static byte[] drain(ByteBuffer buffer) {
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    void countSent(int n) {
        sendCalls.incrementAndGet();
        if (n > 0) {
            bytesSent.addAndGet(n);
        }
    }

    void countReceived(int n) {
        recvCalls.incrementAndGet();
        if (n > 0) {
            bytesReceived.addAndGet(n);
        }
    }

    boolean tracing() {
        return trace != TraceListener.NONE;
    }

    void traced(String call, String args, String result) {
        if (tracing()) {
            trace.syscall(call + "(" + label + (args.isEmpty() ? "" : ", " + args) + ") = " + result);
        }
    }

    void tracedError(String call, String args, SockError error) {
        if (tracing()) {
            String result = error.errno()
                    .map(e -> "-1 " + e.name() + " (" + e.text() + ")")
                    .orElse("-1 (" + error.pythonLine() + ")");
            trace.syscall(call + "(" + label + (args.isEmpty() ? "" : ", " + args) + ") = " + result);
        }
    }

    SockError traceFail(String call, String args, SockError error) {
        tracedError(call, args, error);
        return error;
    }

    static String host(String host) {
        return host == null || host.isEmpty() ? "''" : host;
    }

    /** Applies one option to a live channel, if that kind of channel has it. */
    static void apply(NetworkChannel channel, SockOption option, int value) throws IOException {
        SocketOption<?> javaOption = javaOption(option);
        if (javaOption == null || !channel.supportedOptions().contains(javaOption)) {
            return;
        }
        if (option == SockOption.SO_LINGER) {
            channel.setOption(StandardSocketOptions.SO_LINGER, value);
        } else if (javaOption.type() == Boolean.class) {
            @SuppressWarnings("unchecked")
            SocketOption<Boolean> flag = (SocketOption<Boolean>) javaOption;
            channel.setOption(flag, value != 0);
        } else {
            @SuppressWarnings("unchecked")
            SocketOption<Integer> number = (SocketOption<Integer>) javaOption;
            channel.setOption(number, value);
        }
    }

    static int read(NetworkChannel channel, SockOption option) throws IOException, SockError {
        SocketOption<?> javaOption = javaOption(option);
        if (javaOption == null || !channel.supportedOptions().contains(javaOption)) {
            throw SockError.of(Errno.ENOPROTOOPT);
        }
        Object value = channel.getOption(javaOption);
        if (option == SockOption.SO_LINGER) {
            return ((Integer) value) >= 0 ? 1 : 0;
        }
        return value instanceof Boolean flag ? (flag ? 1 : 0) : (Integer) value;
    }

    static SocketOption<?> javaOption(SockOption option) {
        return switch (option) {
            case SO_REUSEADDR -> StandardSocketOptions.SO_REUSEADDR;
            case SO_REUSEPORT -> StandardSocketOptions.SO_REUSEPORT;
            case SO_KEEPALIVE -> StandardSocketOptions.SO_KEEPALIVE;
            case SO_RCVBUF -> StandardSocketOptions.SO_RCVBUF;
            case SO_SNDBUF -> StandardSocketOptions.SO_SNDBUF;
            case SO_LINGER -> StandardSocketOptions.SO_LINGER;
            case SO_BROADCAST -> StandardSocketOptions.SO_BROADCAST;
            case TCP_NODELAY -> StandardSocketOptions.TCP_NODELAY;
            case SO_ERROR -> null;
        };
    }


    static final int READ = SelectionKey.OP_READ;
    static final int WRITE = SelectionKey.OP_WRITE;
}
