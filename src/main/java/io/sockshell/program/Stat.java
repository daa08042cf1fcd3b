package io.sockshell.program;

/**
 * The fields of a {@code /proc/PID/stat} (or {@code /proc/PID/task/TID/stat}) line a program's
 * watch needs. The command name is in parentheses and may hold spaces and parentheses itself,
 * so the fields are counted from the last {@code )}.
 *
 * @param state one letter: R running or runnable, S sleeping, D in an uninterruptible wait,
 *     T/t stopped, Z a zombie, X dead, and others for kernel threads
 * @param cpuTicks user and system time, in clock ticks (100 a second on Linux)
 */
record Stat(String name, char state, int parent, int group, int session, long cpuTicks) {
    /** The parsed line, or null when it is not a stat line (a process that ended as it was read). */
    static Stat parse(String line) {
        if (line == null) {
            return null;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= line.length()) {
            return null;
        }
        String[] fields = line.substring(close + 2).split(" ");
        if (fields.length < 13) {
            return null;
        }
        try {
            return new Stat(line.substring(open + 1, close), fields[0].charAt(0), Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NumberFormatException notAStatLine) {
            return null;
        }
    }

    /**
     * Whether a thread in this state waits for something outside itself: asleep in a call
     * (S), stopped (T, t), or ended (Z, X). R (on a processor or woken and about to be) and D
     * (a disk read, a page fault, a vfork: it goes on by itself) are not.
     */
    boolean waiting() {
        return waiting(state);
    }

    static boolean waiting(char state) {
        return state == 'S' || state == 'T' || state == 't' || state == 'Z' || state == 'X';
    }
}
