package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A TCP connect as Linux makes it, over a channel that never blocks. The kernel finishes a
 * connect in the background, and each later call sees how it ended; NIO learns that only when
 * asked ({@code finishConnect}), so every call that could see the outcome first moves the
 * connect on ({@link #poll}). A blocking or timed connect then waits under the socket's mode,
 * and so does a recv or send made while a connect is under way.
 *
 * <p>Everything here runs under the socket's lock, except the waits.
 */
final class StreamConnect {
    private final NioStreamSock sock;
    private final StreamChannels channels;

    StreamConnect(NioStreamSock sock, StreamChannels channels) {
        this.sock = sock;
        this.channels = channels;
    }

    /** One connect call to {@code target}, an address already resolved and checked. */
    void connect(SocketAddress target) throws SockError {
        SocketChannel pending;
        synchronized (sock) {
            poll();
            TcpState now = sock.tcp();
            if (now.isListening()) {
                // Linux's TCP calls a listener connected; its AF_UNIX code calls the state invalid.
                throw SockError.of(sock.family() == Family.AF_UNIX ? Errno.EINVAL : Errno.EISCONN);
            }
            if (now.connected()) {
                if (!now.isUnseen()) {
                    throw SockError.of(Errno.EISCONN);
                }
                sock.moveTo(now.connectSeen());
                return;
            }
            if (now.hasFailedToConnect()) {
                Errno error = now.pendingError();
                sock.moveTo(now.failureReported());
                throw SockError.of(error == null ? Errno.ECONNABORTED : error);
            }
            if (now.isConnecting()) {
                // CPython makes one connect() call in nonblocking and timeout mode, and the
                // kernel answers EALREADY; only a blocking socket waits for the connect.
                if (sock.gettimeout() != null) {
                    throw SockError.of(Errno.EALREADY);
                }
            } else {
                if (start(target)) {
                    return;
                }
                if (sock.nonblocking()) {
                    throw SockError.of(Errno.EINPROGRESS);
                }
            }
            pending = channels.socket();
        }
        finishUnderMode(pending);
    }

    /** Starts a connect; true when it completed at once. A failure leaves a fresh socket behind. */
    private boolean start(SocketAddress target) throws SockError {
        try {
            if (channels.socket().connect(target)) {
                sock.moveTo(sock.tcp().connectedAtOnce());
                return true;
            }
            sock.moveTo(sock.tcp().connectStarted());
            return false;
        } catch (IOException | RuntimeException e) {
            SockError error = IoErrors.map(e);
            channels.replaceFailed();
            throw error;
        }
    }

    private void finishUnderMode(SocketChannel pending) throws SockError {
        long deadline = sock.deadline();
        while (true) {
            synchronized (sock) {
                poll();
                TcpState now = sock.tcp();
                if (now.connected()) {
                    sock.moveTo(now.connectSeen());
                    return;
                }
                if (!now.isConnecting()) {
                    Errno error = now.pendingError();
                    sock.moveTo(now.failureReported());
                    throw SockError.of(error == null ? Errno.ECONNREFUSED : error);
                }
            }
            sock.await(pending, SelectionKey.OP_CONNECT, deadline);
        }
    }

    /**
     * A call that needs the connection (recv, send) while a connect is under way waits for it
     * under the socket's mode, as the kernel does: nonblocking raises EAGAIN.
     */
    void awaitConnected(long deadline) throws SockError {
        if (!sock.tcp().isConnecting()) {
            return;
        }
        while (true) {
            SocketChannel pending;
            synchronized (sock) {
                poll();
                if (!sock.tcp().isConnecting()) {
                    return;
                }
                pending = channels.socket();
            }
            if (sock.nonblocking()) {
                throw SockError.of(Errno.EAGAIN);
            }
            sock.await(pending, SelectionKey.OP_CONNECT, deadline);
        }
    }

    /** Moves a pending connect on if it has finished, as the kernel would have by now. */
    void poll() {
        synchronized (sock) {
            TcpState now = sock.tcp();
            if (!now.isConnecting() || sock.isClosed()) {
                return;
            }
            try {
                if (channels.socket().finishConnect()) {
                    sock.moveTo(now.connectDone());
                }
            } catch (IOException | RuntimeException e) {
                sock.moveTo(now.connectFailed(IoErrors.map(e).errno().orElse(Errno.ECONNREFUSED)));
                channels.replaceFailed();
            }
        }
    }
}
