package io.sockshell.engine.internal;

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
import java.util.Map;

/**
 * A TCP socket. NIO binds and listens in one step, so a socket that Python would have bound
 * but not listening is a bound, unconnected {@link SocketChannel} (connects to it are refused),
 * replaced at {@code listen} by a {@link ServerSocketChannel} on the same address.
 */
final class NioStreamSock extends NioSock {
    private volatile SocketChannel channel;
    private volatile ServerSocketChannel server;
    private InetSocketAddress explicitBind;
    private volatile boolean connecting;
    private volatile boolean connected;
    private volatile boolean shutRead;
    private volatile boolean shutWrite;
    /**
     * A reset was reported by recv. Linux reports ECONNRESET once and end of stream after it;
     * the JDK would throw "Connection reset" on every later read.
     */
    private volatile boolean resetReported;
    /** The error of a nonblocking connect that failed, which {@code SO_ERROR} reports once. */
    private Errno pendingError;

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
            ensureOpen();
            InetSocketAddress address = Resolver.resolve(family, host, port, "bind");
            if (server != null || connected || connecting || localAddressOrNull() != null) {
                throw SockError.of(Errno.EINVAL);
            }
            channel.bind(address);
            explicitBind = address;
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
            channel.close();
            ServerSocketChannel opened = ServerSocketChannel.open(protocol());
            try {
                opened.setOption(StandardSocketOptions.SO_REUSEADDR,
                        userOptions.getOrDefault(SockOption.SO_REUSEADDR, 0) != 0);
                for (Map.Entry<SockOption, Integer> option : userOptions.entrySet()) {
                    apply(opened, option.getKey(), option.getValue());
                }
                opened.bind(local, Math.max(1, backlog));
                opened.configureBlocking(false);
            } catch (IOException e) {
                opened.close();
                channel = freshChannel();
                throw e;
            }
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
            Address peer = Address.of((InetSocketAddress) client.getRemoteAddress());
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
            ensureOpen();
            SocketChannel pending;
            synchronized (this) {
                if (server != null || connected) {
                    throw SockError.of(Errno.EISCONN);
                }
                if (connecting) {
                    pollConnect();
                    if (connected) {
                        traced("connect", args, "0");
                        return;
                    }
                    if (!connecting) {
                        throw SockError.of(takePendingError());
                    }
                    if (nonblocking()) {
                        throw SockError.of(Errno.EALREADY);
                    }
                } else {
                    InetSocketAddress target = Resolver.resolve(family, host, port, "connect");
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

    @Override
    public int connectEx(String host, int port) throws SockError {
        try {
            connect(host, port);
            return 0;
        } catch (SockError e) {
            if (e.errno().isPresent()) {
                return e.errno().get().number();
            }
            throw e;
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
                    return;
                }
                if (!connecting) {
                    throw SockError.of(takePendingError());
                }
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
            }
        } catch (IOException | RuntimeException e) {
            connecting = false;
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
            channel.close();
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
        String args = Integer.toString(data.length());
        try {
            SocketChannel writer = writableChannel();
            ByteBuffer buffer = data.asReadOnlyBuffer();
            int sent = data.isEmpty() ? 0 : underMode(() -> {
                int n = writer.write(buffer);
                return n == 0 ? null : n;
            }, writer, WRITE, Errno.EAGAIN);
            countSent(sent);
            traced("send", args, Integer.toString(sent));
            return sent;
        } catch (SockError e) {
            throw traceFail("send", args, e);
        }
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        String args = Integer.toString(data.length());
        try {
            SocketChannel writer = writableChannel();
            ByteBuffer buffer = data.asReadOnlyBuffer();
            long deadline = deadline();
            while (buffer.hasRemaining()) {
                int n = writer.write(buffer);
                if (n > 0) {
                    countSent(n);
                    if (tracing()) {
                        traced("send", Integer.toString(n + buffer.remaining()), Integer.toString(n));
                    }
                    continue;
                }
                if (nonblocking()) {
                    throw SockError.of(Errno.EAGAIN);
                }
                await(writer, WRITE, deadline);
            }
        } catch (IOException | RuntimeException e) {
            throw traceFail("sendall", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("sendall", args, e);
        }
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        ensureOpen();
        Resolver.resolve(family, host, port, "sendto");
        return send(data);
    }

    private SocketChannel writableChannel() throws SockError {
        ensureOpen();
        synchronized (this) {
            pollConnect();
            if (connecting) {
                if (nonblocking()) {
                    throw SockError.of(Errno.EAGAIN);
                }
            } else if (!connected || shutWrite) {
                throw SockError.of(Errno.EPIPE);
            }
            return channel;
        }
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        String args = Integer.toString(bufsize);
        try {
            if (bufsize < 0) {
                throw SockError.valueError("negative buffersize in recv");
            }
            ensureOpen();
            SocketChannel reader;
            synchronized (this) {
                pollConnect();
                if (!connected && !connecting) {
                    throw SockError.of(Errno.ENOTCONN);
                }
                reader = channel;
            }
            if (bufsize == 0 || shutRead || resetReported) {
                countReceived(0);
                traced("recv", args, "0");
                return PyBytes.EMPTY;
            }
            PyBytes data = withReceiveBuffer(bufsize, buffer -> {
                int n = underMode(() -> {
                    int got = reader.read(buffer);
                    return got == 0 ? null : got;
                }, reader, READ, Errno.EAGAIN);
                return n < 0 ? PyBytes.EMPTY : PyBytes.wrap(drain(buffer));
            });
            countReceived(data.length());
            traced("recv", args, Integer.toString(data.length()));
            return data;
        } catch (SockError e) {
            if (e.errno().orElse(null) == Errno.ECONNRESET) {
                resetReported = true;
            }
            throw traceFail("recv", args, e);
        }
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        if (bufsize < 0) {
            throw traceFail("recvfrom", Integer.toString(bufsize), SockError.valueError("negative buffersize in recvfrom"));
        }
        return new Datagram(recv(bufsize), null);
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
            if (!connected) {
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
        server.close();
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
        closeQuietly(server);
        closeQuietly(channel);
        traced("close", "", "0");
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort; the socket is closed for the user either way.
        }
    }

    @Override
    public synchronized Address getsockname() throws SockError {
        ensureOpen();
        InetSocketAddress local = localAddressOrNull();
        return local == null ? Address.unbound(family) : Address.of(local);
    }

    @Override
    public synchronized Address getpeername() throws SockError {
        ensureOpen();
        pollConnect();
        if (!connected) {
            throw SockError.of(Errno.ENOTCONN);
        }
        try {
            return Address.of((InetSocketAddress) channel.getRemoteAddress());
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
            return userOptions.getOrDefault(option, 0);
        }
        NetworkChannel live = liveChannel();
        if (live == server && !server.supportedOptions().contains(javaOption(option))) {
            return userOptions.getOrDefault(option, 0);
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
