package io.sockshell.engine.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * System calls written as strace writes them, a little shortened: a socket address as
 * {@code {AF_INET, 127.0.0.1:2000}}, data as a quoted string of its first 32 bytes, flags and
 * option names symbolic, a failure as {@code -1 ECONNREFUSED (Connection refused)}. Peer data
 * is escaped, so nothing it holds reaches the terminal raw.
 */
final class Strace {
    static final int SHOWN_BYTES = 32;

    private Strace() {
    }

    /** {@code = 3}, or {@code = -1 EAGAIN (Resource temporarily unavailable)} for -1. */
    static String result(long returned, int errno) {
        return returned < 0 ? Errors.shown(errno) : Long.toString(returned);
    }

    /** The first bytes of {@code data} (which holds {@code length}), quoted and escaped. */
    static String bytes(MemorySegment data, long length) {
        StringBuilder out = new StringBuilder("\"");
        long shown = Math.min(length, SHOWN_BYTES);
        for (long i = 0; i < shown; i++) {
            int b = data.get(ValueLayout.JAVA_BYTE, i) & 0xff;
            switch (b) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        out.append('"');
        if (length > shown) {
            out.append("...");
        }
        return out.toString();
    }

    static String messageFlags(int flags) {
        StringBuilder out = new StringBuilder();
        flag(out, flags, Libc.MSG_PEEK, "MSG_PEEK");
        flag(out, flags, Libc.MSG_DONTWAIT, "MSG_DONTWAIT");
        flag(out, flags, Libc.MSG_NOSIGNAL, "MSG_NOSIGNAL");
        return out.length() == 0 ? "0" : out.toString();
    }

    static String pollEvents(int events) {
        StringBuilder out = new StringBuilder();
        flag(out, events, Libc.POLLIN, "POLLIN");
        flag(out, events, Libc.POLLPRI, "POLLPRI");
        flag(out, events, Libc.POLLOUT, "POLLOUT");
        flag(out, events, Libc.POLLERR, "POLLERR");
        flag(out, events, Libc.POLLHUP, "POLLHUP");
        flag(out, events, Libc.POLLNVAL, "POLLNVAL");
        return out.length() == 0 ? "0" : out.toString();
    }

    /**
     * A poll call: {@code poll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN}], 2, -1) = 1
     * ([{fd=3, revents=POLLIN}])}.
     */
    static String poll(MemorySegment set, int count, int timeoutMillis, int returned, int errno) {
        StringBuilder out = new StringBuilder("poll([");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ", ").append("{fd=").append(PollSet.fd(set, i)).append(", events=")
                    .append(pollEvents(PollSet.events(set, i))).append('}');
        }
        out.append("], ").append(count).append(", ").append(timeoutMillis).append(") = ").append(result(returned, errno));
        if (returned > 0) {
            out.append(" ([");
            boolean first = true;
            for (int i = 0; i < count; i++) {
                int revents = PollSet.revents(set, i);
                if (revents != 0) {
                    out.append(first ? "" : ", ").append("{fd=").append(PollSet.fd(set, i)).append(", revents=")
                            .append(pollEvents(revents)).append('}');
                    first = false;
                }
            }
            out.append("])");
        } else if (returned == 0) {
            out.append(" (Timeout)");
        }
        return out.toString();
    }

    static String level(int level) {
        return switch (level) {
            case Libc.SOL_SOCKET -> "SOL_SOCKET";
            case Libc.IPPROTO_TCP -> "IPPROTO_TCP";
            default -> Integer.toString(level);
        };
    }

    private static void flag(StringBuilder out, int flags, int flag, String name) {
        if ((flags & flag) != 0) {
            out.append(out.length() == 0 ? "" : "|").append(name);
        }
    }
}
