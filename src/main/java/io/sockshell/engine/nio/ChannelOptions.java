package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/**
 * Python's socket options in the JDK's terms, and the JDK's values back in the numbers Linux
 * reports. The two disagree in ways a learner would see: the JDK halves the buffer sizes
 * Linux reports, reads SO_LINGER as seconds, and a channel kind may lack an option the kernel
 * socket has (a listener has no SO_SNDBUF, a datagram channel no SO_LINGER).
 */
final class ChannelOptions {
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private ChannelOptions() {
    }

    /** Whether {@code channel} has {@code option} at all. */
    static boolean supports(NetworkChannel channel, SockOption option) {
        SocketOption<?> javaOption = javaOption(option);
        return javaOption != null && channel.supportedOptions().contains(javaOption);
    }

    /** Applies one option to a live channel, if that kind of channel has it. */
    static void apply(NetworkChannel channel, SockOption option, int value) throws IOException {
        if (!supports(channel, option)) {
            return;
        }
        SocketOption<?> javaOption = javaOption(option);
        if (option == SockOption.SO_LINGER) {
            channel.setOption(StandardSocketOptions.SO_LINGER, value);
        } else if (javaOption.type() == Boolean.class) {
            @SuppressWarnings("unchecked")
            SocketOption<Boolean> flag = (SocketOption<Boolean>) javaOption;
            channel.setOption(flag, value != 0);
        } else {
            @SuppressWarnings("unchecked")
            SocketOption<Integer> number = (SocketOption<Integer>) javaOption;
            channel.setOption(number, isBufferSize(option) ? bufferSize(value) : value);
        }
    }

    private static boolean isBufferSize(SockOption option) {
        return option == SockOption.SO_SNDBUF || option == SockOption.SO_RCVBUF;
    }

    /**
     * A buffer size as Linux takes it: unsigned, so a negative one is past every maximum and the
     * kernel's maximum applies (the JDK refuses a negative size, so the largest int stands for it).
     */
    private static int bufferSize(int value) {
        return value < 0 ? Integer.MAX_VALUE : value;
    }

    /** Reads one option from a live channel as Linux reports it; ENOPROTOOPT where it lacks it. */
    static int read(NetworkChannel channel, SockOption option) throws IOException, SockError {
        if (!supports(channel, option)) {
            throw SockError.of(Errno.ENOPROTOOPT);
        }
        Object value = channel.getOption(javaOption(option));
        if (option == SockOption.SO_LINGER) {
            return ((Integer) value) >= 0 ? 1 : 0;
        }
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (LINUX && isBufferSize(option)) {
            // The JDK halves what Linux reports for the buffer sizes (the kernel doubles the
            // value set, for its bookkeeping); CPython shows the kernel's value, so undo it.
            return (Integer) value * 2;
        }
        return (Integer) value;
    }

    /**
     * What getsockopt reports for a value kept by the engine rather than read from a channel:
     * Linux reads a flag back as 0 or 1, and SO_LINGER (through CPython) as whether it is on.
     */
    static int reported(SockOption option, int stored) {
        return switch (option) {
            case SO_LINGER -> stored >= 0 ? 1 : 0;
            case SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_BROADCAST, TCP_NODELAY -> stored != 0 ? 1 : 0;
            default -> stored;
        };
    }

    private static SocketOption<?> javaOption(SockOption option) {
        return switch (option) {
            case SO_REUSEADDR -> StandardSocketOptions.SO_REUSEADDR;
            case SO_REUSEPORT -> StandardSocketOptions.SO_REUSEPORT;
            case SO_KEEPALIVE -> StandardSocketOptions.SO_KEEPALIVE;
            case SO_RCVBUF -> StandardSocketOptions.SO_RCVBUF;
            case SO_SNDBUF -> StandardSocketOptions.SO_SNDBUF;
            case SO_LINGER -> StandardSocketOptions.SO_LINGER;
            case SO_BROADCAST -> StandardSocketOptions.SO_BROADCAST;
            case TCP_NODELAY -> StandardSocketOptions.TCP_NODELAY;
            case SO_ERROR -> null;
        };
    }
}
