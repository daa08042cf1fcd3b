package io.sockshell.program;

import java.util.Map;

/**
 * How a program ended, as a shell reports it: {@code [exit 3]}, or {@code [signal INT]} for a
 * program a signal ended. The JDK reports a signal as 128 plus its number, as a shell's
 * {@code $?} does; so does a program that exits with such a status itself, and the two cannot
 * be told apart (neither can they in a shell).
 */
record ExitStatus(int code, String signal) {
    /** The signals sockshell names, by number (Linux's numbering). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "HUP"), Map.entry(2, "INT"), Map.entry(3, "QUIT"), Map.entry(4, "ILL"),
            Map.entry(5, "TRAP"), Map.entry(6, "ABRT"), Map.entry(7, "BUS"), Map.entry(8, "FPE"),
            Map.entry(9, "KILL"), Map.entry(10, "USR1"), Map.entry(11, "SEGV"), Map.entry(12, "USR2"),
            Map.entry(13, "PIPE"), Map.entry(14, "ALRM"), Map.entry(15, "TERM"));

    /** From the JDK's exit value. */
    static ExitStatus of(int value) {
        String name = value > 128 ? NAMES.get(value - 128) : null;
        return new ExitStatus(value, name);
    }

    /** {@code [exit 3]} or {@code [signal INT]}. */
    String report() {
        return "[" + (signal != null ? "signal " + signal : "exit " + code) + "]";
    }

    /** {@code exited 3} or {@code signal INT}, as {@code sockets} shows it. */
    String state() {
        return signal != null ? "signal " + signal : "exited " + code;
    }
}
