package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * send and sendall on a connected TCP channel: Linux's blocking send (every byte queued before
 * it returns) over a channel that never blocks, at the speed of a bulk transfer. The speed is
 * its own concern because of what the JDK does with a heap buffer (see {@link #SENDALL_CHUNK}):
 * data goes to the channel in bounded chunks, and sendall keeps a native copy of large data,
 * which a repeated sendall of the same bytes sends without copying it again.
 *
 * <p>The caller has checked that the socket may send; errors come back mapped, untraced.
 */
final class StreamSender {
    /**
     * The most sendall hands the channel in one write. The JDK copies a heap buffer's whole
     * remainder into native memory on every write, while the kernel takes a few MiB at most,
     * so a 1 GiB sendall in one piece would copy hundreds of GiB.
     */
    private static final int SENDALL_CHUNK = 1 << 20;
    /** Smaller data is cheap to copy each time; the JDK's own buffer cache serves it. */
    private static final int NATIVE_COPY_MIN = 64 * 1024;
    private static final int WRITE = SelectionKey.OP_WRITE;

    private final NioSock sock;
    private final AtomicReference<NativeCopy> lastNativeCopy = new AtomicReference<>();

    StreamSender(NioSock sock) {
        this.sock = sock;
    }

    /** One send: what the kernel takes under the socket's mode, counted and traced. */
    int send(SocketChannel writer, PyBytes data, long deadline) throws SockError {
        ByteBuffer buffer = data.asReadOnlyBuffer();
        int sent;
        if (data.isEmpty()) {
            sent = 0;
        } else if (sock.gettimeout() == null) {
            sent = sendBlocking(writer, buffer);
        } else {
            sent = sock.underMode(() -> {
                int n = writer.write(buffer);
                return n == 0 ? null : n;
            }, writer, WRITE, Errno.EAGAIN, deadline);
        }
        sock.countSent(sent);
        if (sock.tracing()) {
            sock.traceResult("send", Integer.toString(data.length()), Integer.toString(sent));
        }
        return sent;
    }

    /**
     * A blocking send as Linux does it: it returns once every byte is queued, waiting for room
     * as often as it takes. If the connection fails after some bytes went, it returns their
     * count, and the next call meets the error. A cancel (Ctrl-C) after some bytes went raises
     * {@code KeyboardInterrupt} carrying their count, as CPython raises it once the call has
     * returned. (With a timeout, CPython writes once when the socket is writable, so that send
     * may be partial.)
     */
    private int sendBlocking(SocketChannel writer, ByteBuffer buffer) throws SockError {
        int total = 0;
        while (buffer.hasRemaining()) {
            ByteBuffer slice = buffer.slice(buffer.position(), Math.min(buffer.remaining(), SENDALL_CHUNK));
            int n;
            try {
                n = sock.underMode(() -> {
                    int written = writer.write(slice);
                    return written == 0 ? null : written;
                }, writer, WRITE, Errno.EAGAIN, Long.MAX_VALUE);
            } catch (SockError e) {
                if (total == 0) {
                    throw e;
                }
                if (e.pythonClass().equals(SockError.interrupted().pythonClass())) {
                    sock.countSent(total);
                    throw SockError.interruptedAfterSending(total);
                }
                return total;
            }
            buffer.position(buffer.position() + n);
            total += n;
        }
        return total;
    }

    /** Every byte of {@code data}, each write counted and traced as the send it is. */
    void sendall(SocketChannel writer, PyBytes data, long deadline) throws SockError {
        NativeCopy copy = null;
        try {
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
                    sock.countSent(n);
                    if (sock.tracing()) {
                        sock.traceResult("send", Integer.toString(n + buffer.remaining()), Integer.toString(n));
                    }
                    // The kernel took less than it was offered because the send buffer is full:
                    // another write now would only fail with EAGAIN, so wait for room first, as
                    // the kernel's own blocking send does. (Nonblocking, the next write is the
                    // one that reports EAGAIN.)
                    if (n < offered && buffer.hasRemaining() && !sock.nonblocking()) {
                        sock.await(writer, WRITE, deadline);
                    }
                    continue;
                }
                if (sock.nonblocking()) {
                    throw SockError.of(Errno.EAGAIN);
                }
                sock.await(writer, WRITE, deadline);
            }
        } catch (IOException | RuntimeException e) {
            throw IoErrors.map(e);
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
}
