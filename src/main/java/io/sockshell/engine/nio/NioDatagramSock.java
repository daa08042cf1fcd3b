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
import java.net.SocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;

/** A UDP socket: messages, not a stream; {@code connect} only sets the default peer. */
final class NioDatagramSock extends NioSock {
    private final DatagramChannel channel;
    private volatile boolean shutRead;
    private volatile boolean shutWrite;

    NioDatagramSock(Family family, TraceListener trace) throws SockError {
        super(family, trace);
        try {
            channel = DatagramChannel.open(family == Family.AF_INET
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            channel.configureBlocking(false);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.SOCK_DGRAM;
    }

    @Override
    SocketState state() {
        if (closed) {
            return SocketState.CLOSED;
        }
        if (channel.isConnected()) {
            return shutRead || shutWrite ? SocketState.HALF_CLOSED : SocketState.CONNECTED;
        }
        return localOrNull() != null ? SocketState.BOUND : SocketState.FRESH;
    }

    @Override
    void bindTo(SocketAddress address) throws IOException, SockError {
        if (localOrNull() != null) {
            throw SockError.of(Errno.EINVAL);
        }
        channel.bind(address);
    }

    @Override
    public void listen(int backlog) throws SockError {
        ensureOpen();
        throw traceFail("listen", Integer.toString(backlog), SockError.of(Errno.EOPNOTSUPP));
    }

    @Override
    public Accepted accept() throws SockError {
        ensureOpen();
        try {
            pollFirst(false);
        } catch (SockError e) {
            throw traceFail("accept", "", e);
        }
        throw traceFail("accept", "", SockError.of(Errno.EOPNOTSUPP));
    }

    @Override
    synchronized void connectTo(SocketAddress target) throws IOException {
        if (channel.isConnected()) {
            channel.disconnect();
        }
        channel.connect(target);
    }

    @Override
    public int send(PyBytes data) throws SockError {
        return sendTo("send", Integer.toString(data.length()), data, null);
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        send(data);
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        return sendTo("sendto", data.length() + ", " + host(host) + ":" + port, data,
                () -> Resolver.destination(family, Resolver.resolve(family, host, port, "sendto")));
    }

    /** Where a datagram goes: sendto's address, resolved once the call is under way. */
    @FunctionalInterface
    private interface Destination {
        InetSocketAddress resolve() throws SockError;
    }

    /** One datagram, to the connected peer ({@code to} null) or to the address given. */
    private int sendTo(String call, String args, PyBytes data, Destination to) throws SockError {
        return traced(call, args, () -> {
            InetSocketAddress destination = to == null ? null : to.resolve();
            ensureOpen();
            pollFirst(true);
            if (localOrNull() == null) {
                // Linux binds an unbound socket to an ephemeral port before it looks at the
                // send at all, so even a send it refuses leaves the socket bound.
                channel.bind(null);
            }
            // Linux's order: no address on an unconnected socket, then port 0, then a shut
            // sending side (which a shutdown refused with ENOTCONN still set).
            if (destination == null && !channel.isConnected()) {
                throw SockError.of(Errno.EDESTADDRREQ);
            }
            if (destination != null && destination.getPort() == 0) {
                throw SockError.of(Errno.EINVAL);
            }
            if (shutWrite) {
                throw SockError.of(Errno.EPIPE);
            }
            if (destination != null && channel.isConnected() && !destination.equals(channel.getRemoteAddress())) {
                throw SockError.of(Errno.EISCONN);
            }
            ByteBuffer buffer = data.asReadOnlyBuffer();
            int sent = underMode(() -> {
                int n = destination == null ? channel.write(buffer) : channel.send(buffer, destination);
                return n == 0 && data.length() > 0 ? null : n;
            }, channel, WRITE, Errno.EAGAIN);
            countSent(sent);
            traceResult(call, args, Integer.toString(sent));
            return sent;
        });
    }

    @Override
    public PyBytes recv(int bufsize) throws SockError {
        return receive("recv", bufsize).data();
    }

    @Override
    public Datagram recvfrom(int bufsize) throws SockError {
        return receive("recvfrom", bufsize);
    }

    private Datagram receive(String call, int bufsize) throws SockError {
        String args = Integer.toString(bufsize);
        return traced(call, args, () -> {
            if (bufsize < 0) {
                throw SockError.valueError("negative buffersize in " + call);
            }
            if (bufsize == 0 && call.equals("recv")) {
                // CPython's recv(0) returns b'' without reading, so no datagram is consumed.
                countReceived(0);
                traceResult(call, args, "0");
                return new Datagram(PyBytes.EMPTY, null);
            }
            ensureOpen();
            pollFirst(false);
            // The JDK's receive binds an unbound channel; Linux's does not, and nothing can
            // arrive at an unbound socket, so there is nothing to try, only the mode's wait.
            boolean unbound = localOrNull() == null;
            if (shutRead && !nonblocking() && gettimeout() == null && !ChannelWait.readyNow(channel, READ)) {
                // After SHUT_RD a blocking recv with nothing queued returns at once, empty.
                return new Datagram(PyBytes.EMPTY, null);
            }
            Datagram datagram = withReceiveBuffer(Math.max(bufsize, 1), buffer -> {
                if (bufsize == 0) {
                    buffer.limit(0);
                }
                SocketAddress from = underMode(() -> unbound ? null : channel.receive(buffer), channel, READ,
                        Errno.EAGAIN);
                return new Datagram(PyBytes.wrap(drain(buffer)), Address.of(family, (InetSocketAddress) from));
            });
            countReceived(datagram.data().length());
            traceResult(call, args, Integer.toString(datagram.data().length()));
            return datagram;
        });
    }

    /** Whether a shutdown closed the receiving side: poll then reports the socket readable. */
    boolean shutRead() {
        return shutRead;
    }

    /** Whether a shutdown closed both sides: poll then reports the socket hung up. */
    boolean shutBoth() {
        return shutRead && shutWrite;
    }

    @Override
    public synchronized void shutdown(ShutdownHow how) throws SockError {
        ensureOpen();
        // Linux shuts the socket even when it refuses an unconnected one with ENOTCONN.
        shutRead |= how.reads();
        shutWrite |= how.writes();
        if (!channel.isConnected()) {
            throw traceFail("shutdown", how.name(), SockError.of(Errno.ENOTCONN));
        }
        traceResult("shutdown", how.name(), "0");
    }

    @Override
    void closeChannels() {
        try {
            closeChannel(channel);
        } catch (IOException ignored) {
            // Best effort; the socket is closed for the user either way.
        }
    }

    @Override
    public Address getpeername() throws SockError {
        ensureOpen();
        try {
            SocketAddress remote = channel.getRemoteAddress();
            if (remote == null) {
                throw SockError.of(Errno.ENOTCONN);
            }
            return Address.of(family, (InetSocketAddress) remote);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    @Override
    void setOption(SockOption option, int value) throws IOException, SockError {
        // Linux answers a TCP option on a UDP socket with ENOPROTOOPT when set (EOPNOTSUPP
        // when read), and accepts SO_LINGER and SO_KEEPALIVE, which NIO's datagram
        // channel lacks: the engine keeps those for getsockopt.
        if (option.readOnly() || option == SockOption.TCP_NODELAY) {
            throw SockError.of(Errno.ENOPROTOOPT);
        }
        ChannelOptions.apply(channel, option, value);
        userOptions.put(option, value);
    }

    @Override
    public void setLinger(boolean on, int seconds) throws SockError {
        setsockopt(SockOption.SO_LINGER, on ? seconds : -1);
    }

    @Override
    public synchronized int getsockopt(SockOption option) throws SockError {
        ensureOpen();
        if (option == SockOption.SO_ERROR) {
            return 0;
        }
        if (option == SockOption.TCP_NODELAY) {
            throw SockError.of(Errno.EOPNOTSUPP);
        }
        if (option == SockOption.SO_LINGER || option == SockOption.SO_KEEPALIVE) {
            return ChannelOptions.reported(option,
                    userOptions.getOrDefault(option, option == SockOption.SO_LINGER ? -1 : 0));
        }
        try {
            return ChannelOptions.read(channel, option);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    SelectableChannel selectable() {
        return channel;
    }

    @Override
    SocketAddress localOrNull() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** A datagram socket never listens. */
    @Override
    public int listenBacklog() {
        return -1;
    }
}
