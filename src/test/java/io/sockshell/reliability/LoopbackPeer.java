package io.sockshell.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The other end of a connection, with plain blocking {@code java.net} sockets on loopback,
 * every call bounded by a timeout. It can talk, go silent, half-close, close or reset.
 */
final class LoopbackPeer implements AutoCloseable {
    /** No call of a peer waits longer than this. */
    static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    private LoopbackPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
    }

    /** A listening socket on 127.0.0.1 and an ephemeral port. */
    static ServerSocket listener() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    static LoopbackPeer accept(ServerSocket server) throws IOException {
        return new LoopbackPeer(server.accept());
    }

    static LoopbackPeer connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        return new LoopbackPeer(socket);
    }

    void send(byte[] data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(data);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code length} bytes. */
    byte[] receive(int length) throws IOException {
        return socket.getInputStream().readNBytes(length);
    }

    String receiveText(int length) throws IOException {
        return new String(receive(length), StandardCharsets.UTF_8);
    }

    /** Reads at least one byte and returns how many came in this read. */
    int receiveSome() throws IOException {
        byte[] buffer = new byte[1 << 16];
        return socket.getInputStream().read(buffer);
    }

    /** Reads until the other side closes; returns how many bytes came. */
    long receiveUntilEnd() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** Half-closes: the other side reads end of stream, and may still send to this one. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with SO_LINGER 0, which sends a reset instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
