package io.sockshell.engine;

/** One entry of a {@code poll()} result: a socket and the events that are ready on it. */
public record PollEvent(Sock socket, int events) {
    public static final int POLLIN = 0x001;
    public static final int POLLPRI = 0x002;
    public static final int POLLOUT = 0x004;
    public static final int POLLERR = 0x008;
    public static final int POLLHUP = 0x010;
    public static final int POLLNVAL = 0x020;

    /** The events in Python's symbolic form, for example {@code POLLIN|POLLOUT}. */
    public static String names(int events) {
        StringBuilder out = new StringBuilder();
        append(out, events, POLLIN, "POLLIN");
        append(out, events, POLLPRI, "POLLPRI");
        append(out, events, POLLOUT, "POLLOUT");
        append(out, events, POLLERR, "POLLERR");
        append(out, events, POLLHUP, "POLLHUP");
        append(out, events, POLLNVAL, "POLLNVAL");
        return out.length() == 0 ? "0" : out.toString();
    }

    private static void append(StringBuilder out, int events, int flag, String name) {
        if ((events & flag) != 0) {
            if (out.length() > 0) {
                out.append('|');
            }
            out.append(name);
        }
    }
}
