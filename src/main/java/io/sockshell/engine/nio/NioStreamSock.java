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
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A TCP socket: Python's calls over its {@link TcpState}, which says what each call may do.
 * Its parts: {@link StreamChannels} swaps the channels NIO needs underneath (listen, a failed
 * connect), {@link StreamConnect} makes connects as Linux does, {@link StreamSender} sends.
 * recv stays here, written out for speed.
 */
final class NioStreamSock extends NioSock {
    private final StreamChannels channels;
    private final StreamConnect connector;
    private final StreamSender sender = new StreamSender(this);
    /** Replaced, never changed, and only while holding this socket's lock. */
    private volatile TcpState tcp;

    NioStreamSock(Family family, TraceListener trace) throws SockError {
        super(family, trace);
        this.channels = new StreamChannels(this);
        this.connector = new StreamConnect(this, channels);
        this.tcp = TcpState.UNCONNECTED;
    }

    private NioStreamSock(Family family, TraceListener trace, SocketChannel accepted) {
        super(family, trace);
        this.channels = new StreamChannels(this, accepted);
        this.connector = new StreamConnect(this, channels);
        this.tcp = TcpState.ACCEPTED;
    }

    TcpState tcp() {
        return tcp;
    }

    /** Makes {@code next} the socket's state; the caller holds this socket's lock. */
    void moveTo(TcpState next) {
        tcp = next;
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
        connector.poll();
        return tcp.learnerState(channels.localOrNull() != null);
    }

    @Override
    void bindTo(SocketAddress address) throws IOException, SockError {
        if (address instanceof UnixDomainSocketAddress unix) {
            // Linux makes the socket file first: a path that is there is EADDRINUSE, and one in a
            // missing folder ENOENT (the JDK reports EINVAL), even for a socket that is already
            // bound (which gets EINVAL for a new path).
            Path path = unix.getPath().toAbsolutePath();
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw SockError.of(Errno.EADDRINUSE);
            }
            if (path.getParent() != null && Files.notExists(path.getParent())) {
                throw SockError.of(Errno.ENOENT);
            }
        }
        TcpState now = tcp;
        if (now.isListening() || now.connected() || now.isConnecting() || channels.localOrNull() != null) {
            throw SockError.of(Errno.EINVAL);
        }
        channels.bind(address);
    }

    @Override
    public synchronized void listen(int backlog) throws SockError {
        syscall("listen", Integer.toString(backlog), () -> {
            ensureOpen();
            TcpState now = tcp;
            if (now.isListening()) {
                return;
            }
            // Linux refuses a socket whose connect failed, too, until a connect has reported
            // the failure.
            if (now.connected() || now.isConnecting() || now.hasFailedToConnect()) {
                throw SockError.of(Errno.EINVAL);
            }
            channels.listen(backlog);
            moveTo(now.listening());
        });
    }

    @Override
    public Accepted accept() throws SockError {
        return traced("accept", "", () -> {
            ensureOpen();
            pollFirst(false);
            ServerSocketChannel listening = channels.server();
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
                        ChannelOptions.apply(client, option.getKey(), option.getValue());
                        accepted.userOptions.put(option.getKey(), option.getValue());
                    }
                }
            }
            Address peer = Resolver.address(family, client.getRemoteAddress());
            traceResult("accept", "", peer.hostPort());
            return new Accepted(accepted, peer);
        });
    }

    @Override
    void connectTo(SocketAddress target) throws SockError {
        if (target instanceof UnixDomainSocketAddress path && Files.notExists(path.getPath())) {
            // Linux looks the path up before it looks at the socket: even a connected socket
            // gets ENOENT for a missing path, not EISCONN.
            throw SockError.of(Errno.ENOENT);
        }
        connector.connect(target);
    }

    @Override
    public int send(PyBytes data) throws SockError {
        try {
            long deadline = deadline();
            return sender.send(writableChannel(deadline), data, deadline);
        } catch (SockError e) {
            throw traceFail("send", Integer.toString(data.length()), lost(e));
        }
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        try {
            long deadline = deadline();
            sender.sendall(writableChannel(deadline), data, deadline);
        } catch (SockError e) {
            throw traceFail("sendall", Integer.toString(data.length()), lost(e));
        }
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        if (family != Family.AF_UNIX) {
            Resolver.socketAddress(family, host, port, "sendto", true);
            ensureOpen();
            return send(data);
        }
        // CPython checks only the path's length; Linux's AF_UNIX stream sendmsg then refuses
        // any address, once a timeout's wait for room has passed.
        Address.unixPathBytes(host);
        ensureOpen();
        pollFirst(true);
        synchronized (this) {
            throw SockError.of(tcp.connected() ? Errno.EISCONN : Errno.EOPNOTSUPP);
        }
    }

    private SocketChannel writableChannel(long deadline) throws SockError {
        ensureOpen();
        pollFirst(true);
        connector.awaitConnected(deadline);
        synchronized (this) {
            TcpState now = tcp;
            if (now.hasFailedToConnect()) {
                Errno error = takePendingError();
                throw SockError.of(error != null ? error : Errno.EPIPE);
            }
            if (!now.connected() && family == Family.AF_UNIX) {
                // Linux's AF_UNIX send looks for a peer before it looks at the socket's shutdown.
                throw SockError.of(Errno.ENOTCONN);
            }
            if (!now.connected() || now.shutWrite()) {
                throw SockError.of(Errno.EPIPE);
            }
            return channels.socket();
        }
    }

    /** The error a failed connect left, now reported (it is reported once), or null. */
    private Errno takePendingError() {
        Errno error = tcp.pendingError();
        moveTo(tcp.errorTaken());
        return error;
    }

    /** Notes a reset or a send the kernel refused: the connection is gone, as in Linux. */
    private SockError lost(SockError error) {
        Errno errno = error.errno().orElse(null);
        if (error.getCause() != null && (errno == Errno.ECONNRESET || errno == Errno.EPIPE)) {
            synchronized (this) {
                moveTo(tcp.lost());
            }
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
            pollFirst(false);
            long deadline = deadline();
            connector.awaitConnected(deadline);
            SocketChannel reader;
            synchronized (this) {
                TcpState now = tcp;
                if (now.hasFailedToConnect()) {
                    Errno error = takePendingError();
                    if (error != null) {
                        throw SockError.of(error);
                    }
                    return received(call, bufsize, atEnd, 0);
                }
                if (!now.connected()) {
                    if (family == Family.AF_UNIX) {
                        // Linux's AF_UNIX recv refuses every state but connected, shut or not.
                        throw SockError.of(Errno.EINVAL);
                    }
                    if (now.shutRead() && now.phase() == TcpState.Phase.UNCONNECTED) {
                        return received(call, bufsize, atEnd, 0);
                    }
                    throw SockError.of(Errno.ENOTCONN);
                }
                reader = channels.socket();
            }
            if (tcp.shutRead()) {
                return queuedAfterShutdown(call, reader, bufsize, take, atEnd, length);
            }
            if (bufsize == 0) {
                // recvfrom(0) waits, as CPython does, until there is something to read.
                if (!ChannelWait.readyNow(reader, READ)) {
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
                if (!firstReset()) {
                    // The JDK raises "Connection reset" on every read after a reset; Linux
                    // reports the reset once and then end of stream.
                    return received(call, bufsize, atEnd, 0);
                }
                throw e;
            }
            return received(call, bufsize, data, length.applyAsInt(data));
        } catch (SockError e) {
            throw traceFail(call, Integer.toString(bufsize), lost(e));
        }
    }

    /** A recv after SHUT_RD: what is queued, without waiting, or b'' when nothing is. */
    private <T> T queuedAfterShutdown(String call, SocketChannel reader, int bufsize, Function<ByteBuffer, T> take,
            T atEnd, ToIntFunction<T> length) throws SockError {
        if (bufsize == 0) {
            return received(call, bufsize, atEnd, 0);
        }
        synchronized (receiveLock) {
            ByteBuffer buffer = receiveBuffer(bufsize);
            int got;
            try {
                got = reader.read(buffer);
            } catch (IOException | RuntimeException e) {
                throw IoErrors.map(e);
            }
            T data = got <= 0 ? atEnd : take.apply(buffer);
            return received(call, bufsize, data, length.applyAsInt(data));
        }
    }

    /** Whether a shutdown closed the receiving side: Linux's poll then reports the socket readable. */
    boolean inputShut() {
        return tcp.shutRead();
    }

    /** Whether the socket's own shutdowns closed both ways: Linux's poll then reports it hung up. */
    boolean shutBothWays() {
        TcpState now = tcp;
        return now.shutRead() && now.shutWrite();
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
            traceResult(call, Integer.toString(bufsize), Integer.toString(length));
        }
        return data;
    }

    /** Whether this reset is the first recv has met, which it raises; it notes that it has. */
    private synchronized boolean firstReset() {
        if (tcp.hasReportedReset()) {
            return false;
        }
        moveTo(tcp.resetReported());
        return true;
    }

    @Override
    public synchronized void shutdown(ShutdownHow how) throws SockError {
        syscall("shutdown", how.name(), () -> {
            ensureOpen();
            if (tcp.isListening()) {
                // Linux: a listener shut for reading stops listening; shut for writing only, it
                // goes on as it was.
                if (how.reads()) {
                    channels.stopListening();
                    moveTo(tcp.stoppedListening());
                }
                return;
            }
            connector.poll();
            if (!tcp.established()) {
                // Linux marks the socket shut even as it refuses an unconnected one: a recv
                // after SHUT_RD returns b'', a send after SHUT_WR raises EPIPE.
                if (tcp.phase() == TcpState.Phase.UNCONNECTED) {
                    moveTo(tcp.shut(how));
                }
                if (family == Family.AF_UNIX) {
                    // Linux's AF_UNIX shutdown marks the socket and asks for no peer.
                    return;
                }
                throw SockError.of(Errno.ENOTCONN);
            }
            if (how.reads()) {
                // Not the JDK's shutdownInput, after which every read is at end of stream:
                // Linux hands out what is queued first (and what comes later), then b''.
                moveTo(tcp.shut(ShutdownHow.SHUT_RD));
            }
            if (how.writes()) {
                channels.socket().shutdownOutput();
                moveTo(tcp.shut(ShutdownHow.SHUT_WR));
            }
        });
    }

    @Override
    void closeChannels() {
        channels.close();
    }

    @Override
    SocketAddress localOrNull() {
        return channels.localOrNull();
    }

    @Override
    public synchronized Address getpeername() throws SockError {
        ensureOpen();
        connector.poll();
        if (!tcp.established()) {
            throw SockError.of(Errno.ENOTCONN);
        }
        try {
            return Resolver.address(family, channels.socket().getRemoteAddress());
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    @Override
    void setOption(SockOption option, int value) throws IOException, SockError {
        if (option.readOnly()) {
            throw SockError.of(Errno.ENOPROTOOPT);
        }
        refuseTcpOptionOnUnix(option);
        if (family == Family.AF_UNIX && option == SockOption.SO_REUSEPORT && value != 0) {
            // Linux takes SO_REUSEPORT on internet sockets only; Java's AF_UNIX channel would ignore it.
            throw SockError.of(Errno.EOPNOTSUPP);
        }
        if (option != SockOption.SO_BROADCAST) {
            ChannelOptions.apply(channels.live(), option, value);
            channels.optionSet(option);
        }
        userOptions.put(option, value);
    }

    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        setsockopt(SockOption.SO_LINGER, on ? Math.max(0, seconds) : -1);
    }

    @Override
    public synchronized int getsockopt(SockOption option) throws SockError {
        ensureOpen();
        refuseTcpOptionOnUnix(option);
        if (option == SockOption.SO_ERROR) {
            connector.poll();
            Errno error = takePendingError();
            return error == null ? 0 : error.number();
        }
        if (option == SockOption.SO_BROADCAST) {
            return ChannelOptions.reported(option, userOptions.getOrDefault(option, 0));
        }
        Integer kept = channels.listenerOption(option);
        if (kept != null) {
            return kept;
        }
        try {
            return ChannelOptions.read(channels.live(), option);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    /** Linux refuses TCP's options on an AF_UNIX socket; Java's channel would ignore them. */
    private void refuseTcpOptionOnUnix(SockOption option) throws SockError {
        if (family == Family.AF_UNIX && option == SockOption.TCP_NODELAY) {
            throw SockError.of(Errno.EOPNOTSUPP);
        }
    }

    @Override
    public int listenBacklog() {
        return closed ? -1 : channels.backlog();
    }

    /** The channel a select or poll should watch. */
    SelectableChannel selectable() {
        return channels.selectable();
    }

    boolean isListening() {
        return tcp.isListening();
    }

    synchronized boolean isConnecting() {
        connector.poll();
        return tcp.isConnecting();
    }

    synchronized boolean hasConnectedOrFailed() {
        connector.poll();
        return tcp.connected() || tcp.pendingError() != null;
    }
}
