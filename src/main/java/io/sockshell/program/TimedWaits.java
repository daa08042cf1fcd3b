package io.sockshell.program;

/**
 * Whether a sleeping thread waits with a timeout, and where, read from
 * {@code /proc/PID/task/TID/syscall} (the call's number and its six arguments). A thread on a
 * timer wakes up by itself, does a little and sleeps again in the same place: a JVM's periodic
 * task thread every 50 ms, its compiler and GC threads now and then. Such a thread waits for
 * something outside the program (a clock), so the quiet check lets it have run between two
 * looks if it waits where it waited the last time the program was quiet; any other thread
 * that ran was woken by something, and the program is not quiet yet.
 *
 * <p>The numbers are Linux's system call numbers for x86-64 and arm64; on other machines no
 * wait counts as timed, which only makes programs with timers slower to go quiet.
 */
final class TimedWaits {
    private static final String ARCH = System.getProperty("os.arch");
    private static final boolean X86_64 = ARCH.equals("amd64") || ARCH.equals("x86_64");
    private static final boolean ARM64 = ARCH.equals("aarch64");
    /** futex operations that wait (FUTEX_WAIT, FUTEX_WAIT_BITSET), less the private and clock flags. */
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAIT_BITSET = 9;
    private static final int FUTEX_COMMAND = 0x7f;

    private static final String READ = X86_64 ? "0" : ARM64 ? "63" : "none";
    /** Where a thread waits that is reading standard input: read(0, ...). */
    static final String READING_STANDARD_INPUT = READ + " 0x0";

    private TimedWaits() {
    }

    /**
     * Where a thread waits, from its syscall line: the call and its first argument (a futex's
     * address, a file descriptor, a clock), and whether the wait has a timeout. Null when the
     * thread is not in a call (running, or the kernel does not say).
     */
    record Wait(String location, boolean timed) {
    }

    static Wait of(String line) {
        if (line == null) {
            return null;
        }
        String[] fields = line.strip().split(" ");
        if (fields.length < 7) {
            return null;
        }
        long[] a = new long[6];
        int number;
        try {
            number = Integer.parseInt(fields[0]);
            for (int i = 0; i < 6; i++) {
                a[i] = Long.parseUnsignedLong(fields[i + 1].substring(2), 16);
            }
        } catch (RuntimeException notACall) {
            return null;
        }
        // glibc's condition variable waits on one of two adjacent 32-bit words, turn about: one
        // 8-byte-aligned place is one condition variable.
        long first = number == (X86_64 ? 202 : ARM64 ? 98 : -1) ? a[0] & ~7L : a[0];
        return new Wait(number + " 0x" + Long.toHexString(first), timed(number, a));
    }

    /** Whether the thread waits in a read(2) of any descriptor. */
    static boolean reading(Wait wait) {
        return wait != null && wait.location().startsWith(READ + " ");
    }

    /** The descriptor a thread waiting in a read(2) reads, or -1 when {@code location} is no read. */
    static int readDescriptor(String location) {
        if (!location.startsWith(READ + " 0x")) {
            return -1;
        }
        try {
            return Integer.parseInt(location, READ.length() + 3, location.length(), 16);
        } catch (NumberFormatException notADescriptor) {
            return -1;
        }
    }

    /** True for a syscall line of a wait with a timeout; false for anything else ({@code running}, untimed waits). */
    static boolean timed(String line) {
        Wait wait = of(line);
        return wait != null && wait.timed();
    }

    private static boolean timed(int number, long[] a) {
        if (X86_64) {
            return switch (number) {
                case 35, 230 -> true;                     // nanosleep, clock_nanosleep
                case 202 -> futex(a);                     // futex
                case 7 -> (int) a[2] > 0;                 // poll(fds, n, timeout ms)
                case 271 -> a[2] != 0;                    // ppoll(fds, n, timespec*)
                case 23, 270 -> a[4] != 0;                // select, pselect6(..., timeout*)
                case 232, 281 -> (int) a[3] > 0;          // epoll_wait, epoll_pwait(ep, events, n, timeout ms)
                case 441, 449 -> a[3] != 0;               // epoll_pwait2, futex_waitv(..., timeout*)
                default -> false;
            };
        }
        if (ARM64) {
            return switch (number) {
                case 101, 115 -> true;
                case 98 -> futex(a);
                case 73 -> a[2] != 0;
                case 72 -> a[4] != 0;
                case 22 -> (int) a[3] > 0;
                case 441, 449 -> a[3] != 0;
                default -> false;
            };
        }
        return false;
    }

    /** futex(uaddr, op, val, timeout*, ...): a wait with a timeout. */
    private static boolean futex(long[] a) {
        int command = (int) a[1] & FUTEX_COMMAND;
        return (command == FUTEX_WAIT || command == FUTEX_WAIT_BITSET) && a[3] != 0;
    }
}
