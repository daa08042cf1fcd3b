package io.sockshell.engine.nio;

import io.sockshell.engine.Address;
import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.TraceListener;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What stream and datagram sockets share: Python's three modes built on always-nonblocking
 * channels, waits that {@link CancelSignal} can cut short ({@link ChannelWait}), counters,
 * options and tracing, and the calls that differ only in what they do to the channel (bind,
 * connect, setsockopt).
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
    /** Held while the receive buffer is in use. */
    final Object receiveLock = new Object();
    private ByteBuffer receiveBuffer;
    private final ChannelWait waits = new ChannelWait(this);
    private volatile String label = "?";
    /** Set for a socket the socket() call made, whose trace line waits for its name. */
    private volatile boolean creationUntraced;
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

    /** The body of one call of the socket's API, as {@link #traced} runs it. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException, SockError;
    }

    /** The body of a call that returns nothing in Python, as {@link #syscall} runs it. */
    @FunctionalInterface
    interface Action {
        void run() throws IOException, SockError;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The socket() call that made this socket is traced once the socket has its name, which
     * the trace shows where strace would show a descriptor: {@code socket(AF_INET, SOCK_STREAM) = s}.
     */
    void traceCreationWhenNamed() {
        creationUntraced = true;
    }

    @Override
    public void label(String label) {
        this.label = label;
        if (creationUntraced) {
            creationUntraced = false;
            if (tracing()) {
                trace.syscall("socket(" + family.name() + ", " + kind().name() + ") = " + label);
            }
        }
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
        // CPython stores the mode before it touches the descriptor, so even a closed socket
        // that raises EBADF here reports the new mode from gettimeout().
        timeout = blocking ? null : 0.0;
        ensureOpen();
        traceResult("setblocking", blocking ? "1" : "0", "0");
    }

    @Override
    public void settimeout(Double seconds) throws SockError {
        if (seconds != null && seconds.isNaN()) {
            throw SockError.valueError("Invalid value NaN (not a number)");
        }
        if (seconds != null && seconds < 0) {
            throw SockError.valueError("Timeout value out of range");
        }
        // As in setblocking: CPython stores the timeout first, then fails on a closed socket.
        timeout = seconds;
        ensureOpen();
        traceResult("settimeout", seconds == null ? "None" : PyRepr.number(seconds), "0");
    }

    @Override
    public synchronized void bind(String host, int port) throws SockError {
        syscall("bind", where(host, port), () -> {
            // CPython parses the address before it uses the descriptor: a bad port or name
            // is reported even on a closed socket.
            SocketAddress address = Resolver.socketAddress(family, host, port, "bind", false);
            ensureOpen();
            bindTo(address);
        });
    }

    /** Binds the open socket's channel, or raises EINVAL where Linux would. */
    abstract void bindTo(SocketAddress address) throws IOException, SockError;

    @Override
    public void connect(String host, int port) throws SockError {
        syscall("connect", where(host, port), () -> {
            if (family == Family.AF_UNIX && (host == null || host.isEmpty())) {
                // The empty path passes CPython's check; the kernel refuses it (EINVAL) after the descriptor.
                ensureOpen();
            }
            SocketAddress target = Resolver.socketAddress(family, host, port, "connect", true);
            ensureOpen();
            connectTo(target);
        });
    }

    /** Connects the open socket to {@code target}, resolved as the kernel would send to it. */
    abstract void connectTo(SocketAddress target) throws IOException, SockError;

    /** Python's connect_ex: connect, with an errno in place of the error it would raise. */
    @Override
    public int connectEx(String host, int port) throws SockError {
        try {
            connect(host, port);
            return 0;
        } catch (SockError e) {
            if (e.errno().isPresent()) {
                return e.errno().get().number();
            }
            if (e.pythonClass().equals("TimeoutError")) {
                // CPython's connect_ex reports its own timeout as EWOULDBLOCK.
                return Errno.EAGAIN.number();
            }
            throw e;
        }
    }

    @Override
    public synchronized void setsockopt(SockOption option, int value) throws SockError {
        syscall("setsockopt", option.level() + ", " + option.name() + ", " + value, () -> {
            ensureOpen();
            setOption(option, value);
        });
    }

    /** Sets an option on the open socket, remembering it in {@link #userOptions}. */
    abstract void setOption(SockOption option, int value) throws IOException, SockError;

    @Override
    public synchronized Address getsockname() throws SockError {
        ensureOpen();
        SocketAddress local = localOrNull();
        return local == null ? Address.unbound(family) : Resolver.address(family, local);
    }

    /** The address the socket is bound to, or null. */
    abstract SocketAddress localOrNull();

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeWaits();
        closeChannels();
        traceResult("close", "", "0");
    }

    /** Closes every channel of the socket, at once and quietly: closing cannot fail in Python. */
    abstract void closeChannels();

    @Override
    public LineFile makefile(String mode) throws SockError {
        // CPython's makefile does not look at the descriptor: on a closed socket it returns a
        // file whose first read or flush raises EBADF.
        return new LineFile(this, mode);
    }

    @Override
    public long bytesReceived() {
        return bytesReceived.get();
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

    /**
     * CPython's first step of a call on a socket with a timeout: it polls the socket for the
     * direction of the call and raises TimeoutError when nothing comes within the timeout
     * (sock_call_ex); only then does it make the call, whose own error it reports. So a recv
     * on a listener with a timeout times out where a blocking one fails at once. The readiness
     * is the one select and poll report.
     */
    void pollFirst(boolean writing) throws SockError {
        Double t = timeout;
        if (t == null || t <= 0 || closed) {
            return;
        }
        if (NioBackend.await(Map.of(this, writing ? NioBackend.WANT_WRITE : NioBackend.WANT_READ), t).isEmpty()) {
            throw SockError.timedOut();
        }
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
        return underMode(attempt, channel, ops, wouldBlock, deadline());
    }

    /** {@link #underMode} for a call whose deadline started earlier, as when it waited to connect. */
    <T> T underMode(Attempt<T> attempt, SelectableChannel channel, int ops, Errno wouldBlock, long deadline)
            throws SockError {
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

    /** Waits until {@code channel} is ready for {@code ops}; raises on timeout or cancel. */
    void await(SelectableChannel channel, int ops, long deadline) throws SockError {
        waits.await(channel, ops, deadline);
    }

    /**
     * Closes one of this socket's channels, first letting go of the selector its waits keep,
     * so that the channel closes at once.
     */
    void closeChannel(Channel channel) throws IOException {
        waits.closeChannel(channel);
    }

    /** The socket is closed: its waits keep no selector from now on. */
    void closeWaits() {
        waits.close();
    }

    /** A receive buffer reused across calls, so bulk transfers do not allocate per call. */
    <T> T withReceiveBuffer(int bufsize, BufferUse<T> use) throws SockError {
        synchronized (receiveLock) {
            return use.apply(receiveBuffer(bufsize));
        }
    }

    /** The receive buffer, cleared and limited to {@code bufsize}; hold {@link #receiveLock} while using it. */
    ByteBuffer receiveBuffer(int bufsize) {
        int size = Math.min(bufsize, MAX_RECV_CHUNK);
        if (receiveBuffer == null || receiveBuffer.capacity() < size) {
            receiveBuffer = ByteBuffer.allocateDirect(Math.max(size, 8192));
        }
        receiveBuffer.clear().limit(size);
        return receiveBuffer;
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
        return trace.enabled();
    }

    /** Traces a call that succeeded, as strace shows it: {@code call(label, args) = result}. */
    void traceResult(String call, String args, String result) {
        if (tracing()) {
            trace.syscall(call + "(" + label + (args.isEmpty() ? "" : ", " + args) + ") = " + result);
        }
    }

    /**
     * Traces a call that failed, as strace shows it, and gives back the error to raise. A send
     * cancelled after some bytes went returned their count before Python raised.
     */
    SockError traceFail(String call, String args, SockError error) {
        if (tracing()) {
            String result = error.sentBeforeInterrupt().isPresent()
                    ? error.sentBeforeInterrupt().getAsLong() + ", then " + error.pythonClass()
                    : error.errno()
                    .map(e -> "-1 " + e.name() + " (" + e.text() + ")")
                    .orElse("-1 (" + error.pythonLine() + ")");
            trace.syscall(call + "(" + label + (args.isEmpty() ? "" : ", " + args) + ") = " + result);
        }
        return error;
    }

    /**
     * Runs one call of the socket's API and traces its failure: a {@link SockError} as it
     * is, anything the JDK threw as the error {@link IoErrors} makes of it. The body traces
     * its own result. Not for TCP's recv, send and sendall, the bulk path, where the lambda
     * would cost an allocation per call: they write the same few lines out.
     */
    <T> T traced(String call, String args, Call<T> body) throws SockError {
        try {
            return body.run();
        } catch (IOException | RuntimeException e) {
            throw traceFail(call, args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail(call, args, e);
        }
    }

    /** {@link #traced} for a call that returns nothing in Python: its success is traced as 0. */
    void syscall(String call, String args, Action body) throws SockError {
        traced(call, args, () -> {
            body.run();
            traceResult(call, args, "0");
            return null;
        });
    }

    static String host(String host) {
        return host == null || host.isEmpty() ? "''" : host;
    }

    /** An address as a trace shows it: {@code host:port}, or an AF_UNIX path as Python shows it. */
    String where(String host, int port) {
        return family == Family.AF_UNIX ? Address.unix(host == null ? "" : host).pythonRepr() : host(host) + ":" + port;
    }

    static final int READ = SelectionKey.OP_READ;
    static final int WRITE = SelectionKey.OP_WRITE;

    @Override
    public int fileno() throws SockError {
        if (isClosed()) {
            return -1;
        }
        throw SockError.plain("io.UnsupportedOperation",
                "fileno (Java's channels do not show their descriptor; the posix backend shows the real one)");
    }
}
