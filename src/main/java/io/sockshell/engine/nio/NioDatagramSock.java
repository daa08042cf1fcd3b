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
    public synchronized void bind(String host, int port) throws SockError {
        String args = host(host) + ":" + port;
        try {
            // CPython parses the address before it uses the descriptor.
            InetSocketAddress address = Resolver.resolve(family, host, port, "bind");
            ensureOpen();
            if (localOrNull() != null) {
                throw SockError.of(Errno.EINVAL);
            }
            channel.bind(address);
            traced("bind", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("bind", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("bind", args, e);
        }
    }

    @Override
    public void listen(int backlog) throws SockError {
        ensureOpen();
        throw traceFail("listen", Integer.toString(backlog), SockError.of(Errno.EOPNOTSUPP));
    }

    @Override
    public Accepted accept() throws SockError {
        ensureOpen();
        throw traceFail("accept", "", SockError.of(Errno.EOPNOTSUPP));
    }

    @Override
    public synchronized void connect(String host, int port) throws SockError {
        String args = host(host) + ":" + port;
        try {
            InetSocketAddress target = Resolver.destination(family, Resolver.resolve(family, host, port, "connect"));
            ensureOpen();
            if (channel.isConnected()) {
                channel.disconnect();
            }
            channel.connect(target);
            traced("connect", args, "0");
        } catch (IOException | RuntimeException e) {
            throw traceFail("connect", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("connect", args, e);
        }
    }

    @Override
    public int send(PyBytes data) throws SockError {
        String args = Integer.toString(data.length());
        try {
            ensureOpen();
            if (!channel.isConnected()) {
                throw SockError.of(Errno.EDESTADDRREQ);
            }
            if (shutWrite) {
                throw SockError.of(Errno.EPIPE);
            }
            ByteBuffer buffer = data.asReadOnlyBuffer();
            int sent = underMode(() -> {
                int n = channel.write(buffer);
                return n == 0 && data.length() > 0 ? null : n;
            }, channel, WRITE, Errno.EAGAIN);
            countSent(sent);
            traced("send", args, Integer.toString(sent));
            return sent;
        } catch (SockError e) {
            throw traceFail("send", args, e);
        }
    }

    @Override
    public void sendall(PyBytes data) throws SockError {
        send(data);
    }

    @Override
    public int sendto(PyBytes data, String host, int port) throws SockError {
        String args = Integer.toString(data.length()) + ", " + host(host) + ":" + port;
        try {
            InetSocketAddress destination = Resolver.destination(family, Resolver.resolve(family, host, port, "sendto"));
            ensureOpen();
            if (channel.isConnected() && !destination.equals(channel.getRemoteAddress())) {
                throw SockError.of(Errno.EISCONN);
            }
            ByteBuffer buffer = data.asReadOnlyBuffer();
            int sent = underMode(() -> {
                int n = channel.send(buffer, destination);
                return n == 0 && data.length() > 0 ? null : n;
            }, channel, WRITE, Errno.EAGAIN);
            countSent(sent);
            traced("sendto", args, Integer.toString(sent));
            return sent;
        } catch (IOException | RuntimeException e) {
            throw traceFail("sendto", args, IoErrors.map(e));
        } catch (SockError e) {
            throw traceFail("sendto", args, e);
        }
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
        try {
            if (bufsize < 0) {
                throw SockError.valueError("negative buffersize in " + call);
            }
            if (bufsize == 0 && call.equals("recv")) {
                // CPython's recv(0) returns b'' without reading, so no datagram is consumed.
                countReceived(0);
                traced(call, args, "0");
                return new Datagram(PyBytes.EMPTY, null);
            }
            ensureOpen();
            Datagram datagram = withReceiveBuffer(Math.max(bufsize, 1), buffer -> {
                if (bufsize == 0) {
                    buffer.limit(0);
                }
                SocketAddress from = underMode(() -> channel.receive(buffer), channel, READ, Errno.EAGAIN);
                return new Datagram(PyBytes.wrap(drain(buffer)), Address.of(family, (InetSocketAddress) from));
            });
            countReceived(datagram.data().length());
            traced(call, args, Integer.toString(datagram.data().length()));
            return datagram;
        } catch (SockError e) {
            throw traceFail(call, args, e);
        }
    }

    @Override
    public synchronized void shutdown(ShutdownHow how) throws SockError {
        ensureOpen();
        if (!channel.isConnected()) {
            throw traceFail("shutdown", how.name(), SockError.of(Errno.ENOTCONN));
        }
        shutRead |= how.reads();
        shutWrite |= how.writes();
        traced("shutdown", how.name(), "0");
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
        try {
            closeChannel(channel);
        } catch (IOException ignored) {
            // Best effort; the socket is closed for the user either way.
        }
        traced("close", "", "0");
    }

    @Override
    public Address getsockname() throws SockError {
        ensureOpen();
        InetSocketAddress local = localOrNull();
        return local == null ? Address.unbound(family) : Address.of(family, local);
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
    public synchronized void setsockopt(SockOption option, int value) throws SockError {
        String args = option.level() + ", " + option.name() + ", " + value;
        try {
            ensureOpen();
            // Linux answers a TCP option on a UDP socket with ENOPROTOOPT when set (EOPNOTSUPP
            // when read), and accepts SO_LINGER and SO_KEEPALIVE, which NIO's datagram
            // channel lacks: the engine keeps those for getsockopt.
            if (option.readOnly() || option == SockOption.TCP_NODELAY) {
                throw SockError.of(Errno.ENOPROTOOPT);
            }
            apply(channel, option, value);
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
            return reported(option, userOptions.getOrDefault(option, option == SockOption.SO_LINGER ? -1 : 0));
        }
        try {
            return read(channel, option);
        } catch (IOException e) {
            throw IoErrors.map(e);
        }
    }

    SelectableChannel selectable() {
        return channel;
    }

    private InetSocketAddress localOrNull() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }
}
