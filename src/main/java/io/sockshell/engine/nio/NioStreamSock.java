package io.sockshell.engine.nio;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.Address;
import io.sockshell.engine.Datagram;
import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.SocketState;
import io.sockshell.engine.TraceListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A TCP socket. NIO binds and listens in one step, so a socket that Python would have bound
 * but not listening is a bound, unconnected {@link SocketChannel} (connects to it are refused),
 * replaced at {@code listen} by a {@link ServerSocketChannel} on the same address.
 */
final class NioStreamSock extends NioSock {
    /**
     * The most sendall hands the channel in one write. The JDK copies a heap buffer's whole
     * remainder into native memory on every write, while the kernel takes a few MiB at most,
     * so a 1 GiB sendall in one piece would copy hundreds of GiB.
     */
    private static final int SENDALL_CHUNK = 1 << 20;
    /** Smaller data is cheap to copy each time; the JDK's own buffer cache serves it. */
    private static final int NATIVE_COPY_MIN = 64 * 1024;
    private final AtomicReference<NativeCopy> lastNativeCopy = new AtomicReference<>();
    private volatile SocketChannel channel;
    private volatile ServerSocketChannel server;
    private InetSocketAddress explicitBind;
    private volatile boolean connecting;
    private volatile boolean connected;
    private volatile boolean shutRead;
    private volatile boolean shutWrite;
    /** The error of a nonblocking connect that failed, which {@code SO_ERROR} reports once. */
    private Errno pendingError;
    /**
     * A connect finished in the background and no connect call has seen it yet. Linux keeps
     * such a socket "connecting" until the next connect, which then returns 0 (not EISCONN).
     */
    private boolean connectUnacknowledged;
    /**
     * A connect failed in the background and no connect call has reported it yet. Linux then
     * reports the error once (to connect, recv, send or SO_ERROR), after which recv gives
     * {@code b''}, send EPIPE and the next connect ECONNABORTED.
     */
    private volatile boolean connectFailed;
    /**
     * Values of options a {@link ServerSocketChannel} lacks (SO_SNDBUF, TCP_NODELAY, ...), read
     * from the socket just before it started listening: Linux keeps them on a listening socket.
     */
    private final Map<SockOption, Integer> listenerOptions = new EnumMap<>(SockOption.class);
    /** recv raised ECONNRESET or the kernel refused a send: the connection is gone. */
    private volatile boolean connectionLost;
    /** recv has raised ECONNRESET once; Linux reports a reset once, then end of stream. */
    private volatile boolean resetReported;

    NioStreamSock(Family family, TraceListener trace) throws SockError {
        super(family, trace);
        this.channel = freshChannel();
    }

    private NioStreamSock(Family family, TraceListener trace, SocketChannel accepted) {
        super(family, trace);
        this.channel = accepted;
        this.connected = true;
    }

    @Override
    public Kind kind() {
        return Kind.SOCK_STREAM;
    }

    @Override
    synchronized SocketState state() {
        if (closed) {
            return SocketState.CLOSED;
        }
        if (server != null) {
            return SocketState.LISTENING;
        }
        pollConnect();
        if (connected) {
            return shutRead || shutWrite ? SocketState.HALF_CLOSED : SocketState.CONNECTED;
        }
        if (connecting) {
            return SocketState.CONNECTING;
        }
        return localAddressOrNull() != null ? SocketState.BOUND : SocketState.FRESH;
    }

    @Override
    public synchronized void bind(String host, int port) throws SockError {
        String args = host(host) + ":" + port;
        try {
            // CPython parses the address before it uses the descriptor: a bad port or name
            // is reported even on a closed socket.
            InetSocketAddress address = Resolver.resolve(family, host, port, "bind");
            ensureOpen();
            if (server != null || connected || connecting || localAddressOrNull() != null) {
                throw SockError.of(Errno.EINVAL);
            }
            channel.bind(address);
            // The port the system picked for port 0, so that a socket rebuilt after a failed
            // connect keeps its address, as the kernel's socket does.
            explicitBind = (InetSocketAddress) channel.getLocalAddress();
            traced("bind", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("bind", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("bind", args, e);
        }
    }

    @Override
    public synchronized void listen(int backlog) throws SockError {
        String args = Integer.toString(backlog);
        try {
            ensureOpen();
            if (server != null) {
                traced("listen", args, "0");
                return;
            }
            if (connected || connecting) {
                throw SockError.of(Errno.EINVAL);
            }
            InetSocketAddress local = localAddressOrNull();
            if (local == null) {
                local = Resolver.resolve(family, "", 0, "listen");
            }
            listenerOptions.clear();
            for (SockOption option : SockOption.values()) {
                if (javaOption(option) != null && channel.supportedOptions().contains(javaOption(option))) {
                    listenerOptions.put(option, read(channel, option));
                }
            }
            // The listener takes the address while the bound socket still holds it: closing
            // that one first would free the port for a moment, and any connect on the machine
            // could take it as its own (a rare "Address already in use" at listen, seen under
            // load). Two sockets may share a port while neither listens if both allow reuse, so
            // both do until the swap is over; then the user's own setting comes back.
            boolean userReuse = userOptions.getOrDefault(SockOption.SO_REUSEADDR, 0) != 0;
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ServerSocketChannel opened = ServerSocketChannel.open(protocol());
            try {
                for (Map.Entry<SockOption, Integer> option : userOptions.entrySet()) {
                    apply(opened, option.getKey(), option.getValue());
                }
                opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                opened.bind(local, Math.max(1, backlog));
                opened.setOption(StandardSocketOptions.SO_REUSEADDR, userReuse);
                opened.configureBlocking(false);
            } catch (IOException e) {
                opened.close();
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, userReuse);
                throw e;
            }
            closeChannel(channel);
            server = opened;
            traced("listen", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("listen", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("listen", args, e);
        }
    }

    @Override
    public Accepted accept() throws SockError {
        try {
            ensureOpen();
            ServerSocketChannel listening = server;
            if (listening == null) {
                throw SockError.of(Errno.EINVAL);
            }
            SocketChannel client = underMode(() -> listening.accept(), listening, SelectionKey.OP_ACCEPT,
                    Errno.EAGAIN);
            client.configureBlocking(false);
            NioStreamSock accepted = new NioStreamSock(family, trace, client);
            synchronized (this) {
                for (Map.Entry<SockOption, Integer> option : userOptions.entrySet()) {
                    if (option.getKey() != SockOption.SO_REUSEADDR) {
                        apply(client, option.getKey(), option.getValue());
                        accepted.userOptions.put(option.getKey(), option.getValue());
                    }
                }
            }
            Address peer = Address.of(family, (InetSocketAddress) client.getRemoteAddress());
            traced("accept", "", peer.hostPort());
            return new Accepted(accepted, peer);
        } catch (IOException | RuntimeException e) {
            throw traceFail("accept", "", IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("accept", "", e);
        }
    }

    @Override
    public void connect(String host, int port) throws SockError {
        String args = host(host) + ":" + port;
        try {
            InetSocketAddress target = Resolver.destination(family, Resolver.resolve(family, host, port, "connect"));
            ensureOpen();
            SocketChannel pending;
            synchronized (this) {
                pollConnect();
                if (server != null) {
                    throw SockError.of(Errno.EISCONN);
                }
                if (connected) {
                    if (!connectUnacknowledged) {
                        throw SockError.of(Errno.EISCONN);
                    }
                    connectUnacknowledged = false;
                    traced("connect", args, "0");
                    return;
                }
                if (connectFailed) {
                    connectFailed = false;
                    throw SockError.of(pendingError == null ? Errno.ECONNABORTED : takePendingError());
                }
                if (connecting) {
                    // CPython makes one connect() call in nonblocking and timeout mode, and the
                    // kernel answers EALREADY; only a blocking socket waits for the connect.
                    if (gettimeout() != null) {
                        throw SockError.of(Errno.EALREADY);
                    }
                } else {
                    if (startConnect(target)) {
                        traced("connect", args, "0");
                        return;
                    }
                    if (nonblocking()) {
                        throw SockError.of(Errno.EINPROGRESS);
                    }
                }
                pending = channel;
            }
            finishConnectUnderMode(pending);
            traced("connect", args, "0");
        } catch (SockError e) {
            throw traceFail("connect", args, e);
        }
    }

    /** Starts a connect; true when it completed at once. A failure leaves a fresh socket behind. */
    private boolean startConnect(InetSocketAddress target) throws SockError {
        try {
            if (channel.connect(target)) {
                connected = true;
                return true;
            }
            connecting = true;
            return false;
        } catch (IOException | RuntimeException e) {
            SockError error = IoErrors.map(e);
            replaceFailedChannel();
            throw error;
        }
    }

    private void finishConnectUnderMode(SocketChannel pending) throws SockError {
        long deadline = deadline();
        while (true) {
            synchronized (this) {
                pollConnect();
                if (connected) {
                    connectUnacknowledged = false;
                    return;
                }
                if (!connecting) {
                    connectFailed = false;
                    throw SockError.of(takePendingError());
                }
            }
            await(pending, SelectionKey.OP_CONNECT, deadline);
        }
    }

    /**
     * A call that needs the connection (recv, send) while a connect is under way waits for it
     * under the socket's mode, as the kernel does: nonblocking raises EAGAIN.
     */
    private void awaitConnected(long deadline) throws SockError {
        if (!connecting) {
            return;
        }
        while (true) {
            SocketChannel pending;
            synchronized (this) {
                pollConnect();
                if (!connecting) {
                    return;
                }
                pending = channel;
            }
            if (nonblocking()) {
                throw SockError.of(Errno.EAGAIN);
            }
            await(pending, SelectionKey.OP_CONNECT, deadline);
        }
    }

    /** Moves a pending connect on if it has finished, as the kernel would have by now. */
    private synchronized void pollConnect() {
        if (!connecting || closed) {
            return;
        }
        try {
            if (channel.finishConnect()) {
                connecting = false;
                connected = true;
                connectUnacknowledged = true;
            }
        } catch (IOException | RuntimeException e) {
            connecting = false;
            connectFailed = true;
            pendingError = IoErrors.map(e).errno().orElse(Errno.ECONNREFUSED);
            replaceFailedChannel();
        }
    }

    private Errno takePendingError() {
        Errno error = pendingError == null ? Errno.ECONNREFUSED : pendingError;
        pendingError = null;
        return error;
    }

    /**
     * NIO closes a channel whose connect failed; Python's socket lives on, still bound if it
     * was, and may connect again.
     */
    private void replaceFailedChannel() {
        try {
            closeChannel(channel);
        } catch (IOException ignored) {
            // Already failed; the replacement below is what matters.
        }
        try {
            channel = freshChannel();
            if (explicitBind != null) {
                channel.bind(explicitBind);
            }
        } catch (IOException | SockError e) {
            explicitBind = null;
        }
    }

    @Override
    public int send(PyBytes data) throws SockError {
        try {
            long deadline = deadline();
            SocketChannel writer = writableChannel(deadline);
            ByteBuffer buffer = data.asReadOnlyBuffer();
            int sent;
            if (data.isEmpty()) {
                sent = 0;
            } else if (gettimeout() == null) {
                sent = sendBlocking(writer, buffer);
            } else {
                sent = underMode(() -> {
                    int n = writer.write(buffer);
                    return n == 0 ? null : n;
                }, writer, WRITE, Errno.EAGAIN, deadline);
            }
            countSent(sent);
            if (tracing()) {
                traced("send", Integer.toString(data.length()), Integer.toString(sent));
            }
            return sent;
        } catch (SockError e) {
            throw traceFail("send", Integer.toString(data.length()), lost(e));
        }
    }

    /**
     * A blocking send as Linux does it: it returns once every byte is queued, waiting for room
     * as often as it takes. If it is cut short (cancelled, or the connection fails) after some
     * bytes went, it returns their count, and the next call meets the error. (With a timeout,
     * CPython writes once when the socket is writable, so that send may be partial.)
     */
    private int sendBlocking(SocketChannel writer, ByteBuffer buffer) throws SockError {
        int total = 0;
        while (buffer.hasRemaining()) {
            ByteBuffer slice = buffer.slice(buffer.position(), Math.min(buffer.remaining(), SENDALL_CHUNK));
            int n;
            try {
                n = underMode(() -> {
                    int written = writer.write(slice);
                    return written == 0 ? null : written;
                }, writer, WRITE, Errno.EAGAIN, Long.MAX_VALUE);
            } catch (SockError e) {
                if (total > 0) {
                    return total;
                }
                throw e;
            }
            buffer.position(buffer.position() + n);
            total += n;
        }
        return total;
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        NativeCopy copy = null;
        try {
            long deadline = deadline();
            SocketChannel writer = writableChannel(deadline);
            copy = nativeCopy(data);
            ByteBuffer buffer = copy != null ? copy.bytes().duplicate() : data.asReadOnlyBuffer();
            while (buffer.hasRemaining()) {
                ByteBuffer chunk = copy != null ? buffer
                        : buffer.slice(buffer.position(), Math.min(buffer.remaining(), SENDALL_CHUNK));
                int offered = chunk.remaining();
                int n = writer.write(chunk);
                if (n > 0) {
                    if (copy == null) {
                        buffer.position(buffer.position() + n);
                    }
                    countSent(n);
                    if (tracing()) {
                        traced("send", Integer.toString(n + buffer.remaining()), Integer.toString(n));
                    }
                    // The kernel took less than it was offered because the send buffer is full:
                    // another write now would only fail with EAGAIN, so wait for room first, as
                    // the kernel's own blocking send does. (Nonblocking, the next write is the
                    // one that reports EAGAIN.)
                    if (n < offered && buffer.hasRemaining() && !nonblocking()) {
                        await(writer, WRITE, deadline);
                    }
                    continue;
                }
                if (nonblocking()) {
                    throw SockError.of(Errno.EAGAIN);
                }
                await(writer, WRITE, deadline);
            }
        } catch (IOException | RuntimeException e) {
            throw traceFail("sendall", Integer.toString(data.length()), lost(IoErrors.map(e)));
        } catch (SockError e) {
            throw traceFail("sendall", Integer.toString(data.length()), lost(e));
        } finally {
            if (copy != null) {
                lastNativeCopy.set(copy);
            }
        }
    }

    /** Data in native memory, and which (immutable) bytes it holds. */
    private record NativeCopy(PyBytes of, ByteBuffer bytes) {
    }

    /**
     * Large data in native memory for sendall, copied once and kept: the same bytes sent again
     * (sendall --repeat, or a loop of sendall) go straight to the kernel. Null for data too
     * small or too large to keep, or while another thread's sendall holds the copy.
     */
    private NativeCopy nativeCopy(PyBytes data) {
        if (data.length() < NATIVE_COPY_MIN || data.length() > SENDALL_CHUNK) {
            return null;
        }
        NativeCopy held = lastNativeCopy.getAndSet(null);
        if (held != null && held.of() == data) {
            return held;
        }
        ByteBuffer bytes = held != null && held.bytes().capacity() >= data.length() ? held.bytes().clear()
                : ByteBuffer.allocateDirect(SENDALL_CHUNK);
        bytes.put(data.asReadOnlyBuffer()).flip();
        return new NativeCopy(data, bytes);
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        Resolver.resolve(family, host, port, "sendto");
        ensureOpen();
        return send(data);
    }

    private SocketChannel writableChannel(long deadline) throws SockError {
        ensureOpen();
        awaitConnected(deadline);
        synchronized (this) {
            if (connectFailed) {
                throw SockError.of(pendingError != null ? takePendingError() : Errno.EPIPE);
            }
            if (!connected || shutWrite) {
                throw SockError.of(Errno.EPIPE);
            }
            return channel;
        }
    }

    /** Notes a reset or a send the kernel refused: the connection is gone, as in Linux. */
    private SockError lost(SockError error) {
        Errno errno = error.errno().orElse(null);
        if (error.getCause() != null && (errno == Errno.ECONNRESET || errno == Errno.EPIPE)) {
            connectionLost = true;
        }
        return error;
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        return receive("recv", bufsize, buffer -> PyBytes.wrap(drain(buffer)), PyBytes.EMPTY, PyBytes::length);
    }

    /** recv without copying the bytes out of the native receive buffer: only the count is kept. */
    @Override
    public int recvLength(int bufsize) throws SockError {
        return receive("recv", bufsize, buffer -> buffer.position(), 0, n -> n);
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        return new Datagram(receive("recvfrom", bufsize, buffer -> PyBytes.wrap(drain(buffer)), PyBytes.EMPTY,
                PyBytes::length), null);
    }

    /**
     * One recv: {@code take} turns the filled receive buffer into the result, {@code atEnd} is
     * the result for end of stream, and {@code length} counts a result's bytes.
     */
    private <T> T receive(String call, int bufsize, Function<ByteBuffer, T> take, T atEnd, ToIntFunction<T> length)
            throws SockError {
        try {
            if (bufsize < 0) {
                throw SockError.valueError("negative buffersize in " + call);
            }
            if (bufsize == 0 && call.equals("recv")) {
                // CPython's recv(0) returns b'' before it looks at the socket, even a closed
                // or unconnected one; recvfrom(0) does not take this shortcut.
                return received(call, bufsize, atEnd, 0);
            }
            ensureOpen();
            long deadline = deadline();
            awaitConnected(deadline);
            SocketChannel reader;
            synchronized (this) {
                if (connectFailed) {
                    if (pendingError != null) {
                        throw SockError.of(takePendingError());
                    }
                    return received(call, bufsize, atEnd, 0);
                }
                if (!connected) {
                    throw SockError.of(Errno.ENOTCONN);
                }
                reader = channel;
            }
            if (shutRead) {
                return received(call, bufsize, atEnd, 0);
            }
            if (bufsize == 0) {
                // recvfrom(0) waits, as CPython does, until there is something to read.
                if (!readyNow(reader, READ)) {
                    if (nonblocking()) {
                        throw SockError.of(Errno.EAGAIN);
                    }
                    await(reader, READ, deadline);
                }
                return received(call, bufsize, atEnd, 0);
            }
            T data;
            try {
                synchronized (receiveLock) {
                    ByteBuffer buffer = receiveBuffer(bufsize);
                    data = readUnderMode(reader, buffer, deadline) < 0 ? atEnd : take.apply(buffer);
                }
            } catch (SockError e) {
                if (e.errno().orElse(null) != Errno.ECONNRESET) {
                    throw e;
                }
                if (resetReported) {
                    // The JDK raises "Connection reset" on every read after a reset; Linux
                    // reports the reset once and then end of stream.
                    return received(call, bufsize, atEnd, 0);
                }
                resetReported = true;
                throw e;
            }
            return received(call, bufsize, data, length.applyAsInt(data));
        } catch (SockError e) {
            throw traceFail(call, Integer.toString(bufsize), lost(e));
        }
    }

    /**
     * One read under the socket's mode, as {@link #underMode} makes it: the count, or -1 at the
     * end of the stream. Written out rather than through underMode, whose lambdas cost a bulk
     * receive two allocations per call (each a call into the VM in C1-compiled code).
     */
    private int readUnderMode(SocketChannel reader, ByteBuffer buffer, long deadline) throws SockError {
        while (true) {
            int got;
            try {
                got = reader.read(buffer);
            } catch (IOException | RuntimeException e) {
                throw IoErrors.map(e);
            }
            if (got != 0) {
                return got;
            }
            if (nonblocking()) {
                throw SockError.of(Errno.EAGAIN);
            }
            await(reader, READ, deadline);
        }
    }

    private <T> T received(String call, int bufsize, T data, int length) {
        countReceived(length);
        if (tracing()) {
            traced(call, Integer.toString(bufsize), Integer.toString(length));
        }
        return data;
    }

    @Override
    public synchronized void shutdown(ShutdownHow how) throws SockError {
        String args = how.name();
        try {
            ensureOpen();
            if (server != null) {
                stopListening();
                traced("shutdown", args, "0");
                return;
            }
            pollConnect();
            if (!connected || connectionLost) {
                throw SockError.of(Errno.ENOTCONN);
            }
            if (how.reads()) {
                channel.shutdownInput();
                shutRead = true;
            }
            if (how.writes()) {
                channel.shutdownOutput();
                shutWrite = true;
            }
            traced("shutdown", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("shutdown", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("shutdown", args, e);
        }
    }

    /** Linux stops a listening socket on shutdown; it stays bound and may listen again. */
    private void stopListening() throws IOException, SockError {
        InetSocketAddress local = (InetSocketAddress) server.getLocalAddress();
        closeChannel(server);
        server = null;
        channel = freshChannel();
        try {
            channel.bind(local);
            explicitBind = local;
        } catch (IOException e) {
            explicitBind = null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeWaits();
        closeQuietly(server);
        closeQuietly(channel);
        traced("close", "", "0");
    }

    private void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            closeChannel(channel);
        } catch (IOException ignored) {
            // Closing is best effort; the socket is closed for the user either way.
        }
    }

    @Override
    public synchronized Address getsockname() throws SockError {
        ensureOpen();
        InetSocketAddress local = localAddressOrNull();
        return local == null ? Address.unbound(family) : Address.of(family, local);
    }

    @Override
    public synchronized Address getpeername() throws SockError {
        ensureOpen();
        pollConnect();
        if (!connected || connectionLost) {
            throw SockError.of(Errno.ENOTCONN);
        }
        try {
            return Address.of(family, (InetSocketAddress) channel.getRemoteAddress());
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    @Override
    public synchronized void setsockopt(SockOption option, int value) throws SockError {
        String args = option.level() + ", " + option.name() + ", " + value;
        try {
            ensureOpen();
            if (option.readOnly()) {
                throw SockError.of(Errno.ENOPROTOOPT);
            }
            if (option == SockOption.SO_BROADCAST) {
                userOptions.put(option, value);
                traced("setsockopt", args, "0");
                return;
            }
            apply(liveChannel(), option, value);
            userOptions.put(option, value);
            listenerOptions.remove(option);
            traced("setsockopt", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("setsockopt", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("setsockopt", args, e);
        }
    }

    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        setsockopt(SockOption.SO_LINGER, on ? Math.max(0, seconds) : -1);
    }

    @Override
    public synchronized int getsockopt(SockOption option) throws SockError {
        ensureOpen();
        if (option == SockOption.SO_ERROR) {
            pollConnect();
            Errno error = pendingError;
            pendingError = null;
            return error == null ? 0 : error.number();
        }
        if (option == SockOption.SO_BROADCAST) {
            return reported(option, userOptions.getOrDefault(option, 0));
        }
        NetworkChannel live = liveChannel();
        if (live == server && !server.supportedOptions().contains(javaOption(option))) {
            Integer before = listenerOptions.get(option);
            return before != null ? before : reported(option, userOptions.getOrDefault(option, 0));
        }
        try {
            return read(live, option);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    /** The channel a select or poll should watch, and the operation that means "readable". */
    synchronized SelectableChannel selectable() {
        return server != null ? server : channel;
    }

    synchronized boolean isListening() {
        return server != null;
    }

    synchronized boolean isConnecting() {
        pollConnect();
        return connecting;
    }

    synchronized boolean hasConnectedOrFailed() {
        pollConnect();
        return connected || pendingError != null;
    }

    private NetworkChannel liveChannel() {
        return server != null ? server : channel;
    }

    private InetSocketAddress localAddressOrNull() {
        try {
            return (InetSocketAddress) liveChannel().getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private SocketChannel freshChannel() throws SockError {
        try {
            SocketChannel opened = SocketChannel.open(protocol());
            opened.configureBlocking(false);
            for (Map.Entry<SockOption, Integer> option : userOptions.entrySet()) {
                apply(opened, option.getKey(), option.getValue());
            }
            return opened;
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    private StandardProtocolFamily protocol() {
        return family == Family.AF_INET ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

}
