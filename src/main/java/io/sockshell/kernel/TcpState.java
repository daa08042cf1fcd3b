package io.sockshell.kernel;

/**
 * A TCP socket's state as the kernel numbers it ({@code include/net/tcp_states.h}) and as
 * {@code /proc/net/tcp} writes it, in hex, in its {@code st} column.
 */
public enum TcpState {
    ESTABLISHED(0x01),
    SYN_SENT(0x02),
    SYN_RECV(0x03),
    FIN_WAIT1(0x04),
    FIN_WAIT2(0x05),
    TIME_WAIT(0x06),
    /** No connection: a fresh or bound socket, or one whose connection has ended. */
    CLOSE(0x07),
    CLOSE_WAIT(0x08),
    LAST_ACK(0x09),
    LISTEN(0x0A),
    CLOSING(0x0B);

    private static final TcpState[] BY_NUMBER = new TcpState[16];

    static {
        for (TcpState state : values()) {
            BY_NUMBER[state.number] = state;
        }
    }

    private final int number;

    TcpState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The state numbered {@code number}, or null for a number the kernel does not use. */
    public static TcpState of(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }
}
