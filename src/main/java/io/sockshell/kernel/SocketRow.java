package io.sockshell.kernel;

import io.sockshell.engine.Address;

/**
 * One row of the kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}, {@code udp},
 * {@code udp6}): {@code sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
 * inode}. The addresses stay as the kernel wrote them ({@code 0100007F:1F90}) and are decoded
 * only when asked for: a busy machine's table runs to tens of thousands of rows, of which a
 * listing needs a few. {@link #localKey()} and {@link #remoteKey()} are the same text with an
 * IPv4-mapped IPv6 address written as the IPv4 address it stands for, so that both ends of a
 * connection between an IPv6 and an IPv4 socket name each other alike ({@link Endpoints}).
 *
 * @param udp          a row of the UDP tables
 * @param local        the local address, as the kernel wrote it
 * @param remote       the remote address, as the kernel wrote it
 * @param state        the state's number ({@link TcpState}); UDP uses ESTABLISHED and CLOSE
 * @param sendQueue    {@code tx_queue}: bytes sent and not yet acknowledged, or not yet sent
 *                     (a FIN counts one); for a listener, 0
 * @param receiveQueue {@code rx_queue}: bytes arrived and not yet read (a FIN counts one); for a
 *                     listener, the connections waiting to be accepted
 * @param timer        {@code tr}: 0 none, 1 retransmission, 2 keepalive, 3 TIME_WAIT, 4 zero
 *                     window probe
 * @param inode        the socket's inode ({@code socket:[INODE]} in its owner's
 *                     {@code /proc/PID/fd}); 0 for a connection not yet accepted, a handshake
 *                     under way, and TIME_WAIT
 */
public record SocketRow(boolean udp, String local, String remote, int state, long sendQueue, long receiveQueue,
        int timer, long inode) {
    /** {@link #timer()} while the peer's window is closed: every byte sent is acknowledged, the rest waits. */
    public static final int ZERO_WINDOW_PROBE = 4;


    /** The state, or null for a number the kernel does not use. */
    public TcpState tcpState() {
        return TcpState.of(state);
    }

    public boolean listening() {
        return !udp && state == TcpState.LISTEN.number();
    }

    /** {@link #local()} with an IPv4-mapped address as its IPv4 address. */
    public String localKey() {
        return Endpoints.normalized(local);
    }

    /** {@link #remote()} with an IPv4-mapped address as its IPv4 address. */
    public String remoteKey() {
        return Endpoints.normalized(remote);
    }

    public int localPort() {
        return Endpoints.port(local);
    }

    public int remotePort() {
        return Endpoints.port(remote);
    }

    /** Where it is bound, as Python shows it (an IPv4-mapped IPv6 address stays one). */
    public Address localAddress() {
        return Endpoints.address(local);
    }

    public Address remoteAddress() {
        return Endpoints.address(remote);
    }

    /** Whether {@code other} is the other end of this row's connection. */
    public boolean isPeerOf(SocketRow other) {
        return other.udp == udp && localKey().equals(other.remoteKey()) && remoteKey().equals(other.localKey());
    }
}
