package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.ProcessStarts;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;

/**
 * The channels under one TCP socket. Python's socket is one descriptor for its whole life;
 * NIO needs a different channel at three moments, so they are swapped underneath while the
 * socket keeps its address and options:
 * <ul>
 * <li>NIO binds and listens in one step, so a socket bound but not listening is a bound,
 * unconnected {@link SocketChannel} (connects to it are refused, as to the kernel's), replaced
 * at {@code listen} by a {@link ServerSocketChannel} on the same address;</li>
 * <li>shutdown stops a listener on Linux, which stays bound and may listen again: a fresh
 * channel bound to the listener's address;</li>
 * <li>NIO closes a channel whose connect failed, while Python's socket lives on, still bound
 * if it was, and may connect again: a fresh channel bound to the same address.</li>
 * </ul>
 * Swaps happen under the socket's lock; which channel is current may be read without it.
 */
final class StreamChannels {
    private final NioSock owner;
    private volatile SocketChannel channel;
    private volatile ServerSocketChannel server;
    /**
     * The address the socket was bound to (the port the system picked, for port 0), so that a
     * rebuilt channel keeps it, as the kernel's socket does.
     */
    private SocketAddress boundTo;
    /**
     * Values of options a {@link ServerSocketChannel} lacks (SO_SNDBUF, TCP_NODELAY, ...), read
     * from the socket just before it started listening: Linux keeps them on a listening socket.
     */
    private final Map<SockOption, Integer> listenerOptions = new EnumMap<>(SockOption.class);
    /** The backlog the listening channel gave the kernel, or -1 while not listening. */
    private volatile int backlog = -1;

    StreamChannels(NioSock owner) throws SockError {
        this.owner = owner;
        this.channel = fresh();
    }

    StreamChannels(NioSock owner, SocketChannel accepted) {
        this.owner = owner;
        this.channel = accepted;
    }

    /** The stream channel: connected, connecting or bound; closed while listening. */
    SocketChannel socket() {
        return channel;
    }

    /** The listening channel, or null when the socket is not listening. */
    ServerSocketChannel server() {
        return server;
    }

    /** The channel a select or poll should watch. */
    SelectableChannel selectable() {
        ServerSocketChannel listening = server;
        return listening != null ? listening : channel;
    }

    /** The channel that holds the socket's address and options now. */
    NetworkChannel live() {
        ServerSocketChannel listening = server;
        return listening != null ? listening : channel;
    }

    /** The address the socket is bound to, or null; an AF_UNIX socket with no name has none. */
    SocketAddress localOrNull() {
        try {
            SocketAddress local = live().getLocalAddress();
            return local instanceof UnixDomainSocketAddress unix && unix.getPath().toString().isEmpty() ? null : local;
        } catch (IOException e) {
            return null;
        }
    }

    void bind(SocketAddress address) throws IOException {
        channel.bind(address);
        boundTo = channel.getLocalAddress();
    }

    /**
     * Swaps the stream channel for a listening one on the same address (the wildcard address
     * on a free port when the socket was not bound). The listener takes the address while the
     * bound socket still holds it: closing that one first would free the port for a moment,
     * and any connect on the machine could take it as its own (a rare "Address already in
     * use" at listen, seen under load). Two sockets may share a port while neither listens if
     * both allow reuse, so both do until the swap is over; then the user's own setting comes
     * back.
     */
    void listen(int backlog) throws IOException, SockError {
        if (owner.family == Family.AF_UNIX) {
            listenOnPath(backlog);
            return;
        }
        SocketAddress local = localOrNull();
        if (local == null) {
            local = Resolver.resolve(owner.family, "", 0, "listen");
        }
        listenerOptions.clear();
        for (SockOption option : SockOption.values()) {
            if (ChannelOptions.supports(channel, option)) {
                listenerOptions.put(option, ChannelOptions.read(channel, option));
            }
        }
        boolean userReuse = owner.userOptions.getOrDefault(SockOption.SO_REUSEADDR, 0) != 0;
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ServerSocketChannel opened = ServerSocketChannel.open(protocol());
        try {
            applyUserOptions(opened);
            opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            // The JDK takes a backlog below 1 as its own default of 50: 1 is the nearest it allows.
            opened.bind(local, Math.max(1, backlog));
            opened.setOption(StandardSocketOptions.SO_REUSEADDR, userReuse);
            opened.configureBlocking(false);
        } catch (IOException e) {
            ProcessStarts.close(opened);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, userReuse);
            throw e;
        }
        owner.closeChannel(channel);
        server = opened;
        this.backlog = Math.max(1, backlog);
    }

    /**
     * listen for AF_UNIX. The kernel refuses an unnamed socket (an autobind would give it an
     * abstract name, which Java's channels cannot take). A path is held by its socket file, not
     * by a port that two channels may share, so the bound channel lets go first: it closes
     * (which leaves the file, as Linux's close does) and the file it made is removed for the
     * listener to make its own.
     */
    private void listenOnPath(int backlog) throws IOException, SockError {
        if (!(localOrNull() instanceof UnixDomainSocketAddress path)) {
            throw SockError.of(Errno.EINVAL);
        }
        ServerSocketChannel opened = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            owner.closeChannel(channel);
            Files.deleteIfExists(path.getPath());
            opened.bind(path, Math.max(1, backlog));
            opened.configureBlocking(false);
        } catch (IOException e) {
            ProcessStarts.close(opened);
            throw e;
        }
        server = opened;
        this.backlog = Math.max(1, backlog);
    }

    /** The backlog the listening channel gave the kernel, or -1 while not listening. */
    int backlog() {
        return server == null ? -1 : backlog;
    }

    /** Closes the listener and goes back to a stream channel bound to its address. */
    void stopListening() throws IOException, SockError {
        SocketAddress local = server.getLocalAddress();
        owner.closeChannel(server);
        server = null;
        channel = fresh();
        try {
            bindAgain(local);
            boundTo = local;
        } catch (IOException e) {
            boundTo = null;
        }
    }

    /** Replaces the channel a failed connect left closed, bound again where it was. */
    void replaceFailed() {
        closeQuietly(channel);
        try {
            channel = fresh();
            if (boundTo != null) {
                bindAgain(boundTo);
            }
        } catch (IOException | SockError e) {
            boundTo = null;
        }
    }

    /**
     * Binds a fresh channel where the socket was. An AF_UNIX path is held by the socket file
     * the earlier channel made, which its close left behind: the file is this socket's own, so
     * it is removed for the new channel to make again.
     */
    private void bindAgain(SocketAddress local) throws IOException {
        if (local instanceof UnixDomainSocketAddress path) {
            Files.deleteIfExists(path.getPath());
        }
        channel.bind(local);
    }

    /** What a listener reports for an option its channel lacks, or null to ask the channel. */
    Integer listenerOption(SockOption option) {
        ServerSocketChannel listening = server;
        if (listening == null || ChannelOptions.supports(listening, option)) {
            return null;
        }
        Integer before = listenerOptions.get(option);
        return before != null ? before
                : ChannelOptions.reported(option, owner.userOptions.getOrDefault(option, 0));
    }

    /** The user set {@code option}: what the socket had before listening no longer counts. */
    void optionSet(SockOption option) {
        listenerOptions.remove(option);
    }

    void close() {
        closeQuietly(server);
        closeQuietly(channel);
    }

    private void closeQuietly(Channel closing) {
        if (closing == null) {
            return;
        }
        try {
            owner.closeChannel(closing);
        } catch (IOException ignored) {
            // Closing is best effort; the socket is closed for the user either way.
        }
    }

    private SocketChannel fresh() throws SockError {
        try {
            SocketChannel opened = SocketChannel.open(protocol());
            opened.configureBlocking(false);
            applyUserOptions(opened);
            return opened;
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    private void applyUserOptions(NetworkChannel target) throws IOException {
        for (Map.Entry<SockOption, Integer> option : owner.userOptions.entrySet()) {
            ChannelOptions.apply(target, option.getKey(), option.getValue());
        }
    }

    private StandardProtocolFamily protocol() {
        return switch (owner.family) {
            case AF_INET -> StandardProtocolFamily.INET;
            case AF_INET6 -> StandardProtocolFamily.INET6;
            case AF_UNIX -> StandardProtocolFamily.UNIX;
        };
    }
}
