package io.sockshell.program;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A thread's stat, its count of times scheduled and its system call, kept open between looks
 * ({@link ProcFile}): a program's threads, and the thread that reads a program's output.
 */
final class ThreadFiles implements AutoCloseable {
    final ProcFile stat;
    final ProcFile scheduled;
    /** schedstat's third field where the kernel has it; otherwise status's context switches. */
    final boolean fromSchedstat;
    /** Null where the kernel does not let it be read (another user's process, a ptrace policy). */
    final ProcFile syscall;
    /** The wait {@link #waiting(long, char)} last found the thread asleep in (null for none), and its count then. */
    private TimedWaits.Wait lastWait;
    private long lastScheduled;

    /**
     * Opens the files of the thread at {@code task}; an IOException when the thread is gone,
     * with nothing left open (a thread can end between two of the opens, and a scan meets
     * short-lived ones often).
     */
    ThreadFiles(Path task) throws IOException {
        ProcFile call = openIfAllowed(task.resolve("syscall"));
        ProcFile statFile = null;
        try {
            statFile = ProcFile.open(task.resolve("stat"));
            ProcFile schedstat = openIfAllowed(task.resolve("schedstat"));
            fromSchedstat = schedstat != null;
            scheduled = fromSchedstat ? schedstat : ProcFile.open(task.resolve("status"));
        } catch (IOException gone) {
            closeIfOpen(statFile);
            closeIfOpen(call);
            throw gone;
        }
        stat = statFile;
        syscall = call;
    }

    /** The file, or null where it is missing or not ours to read. */
    private static ProcFile openIfAllowed(Path file) {
        try {
            return ProcFile.open(file);
        } catch (IOException missingOrNotAllowed) {
            return null;
        }
    }

    private static void closeIfOpen(ProcFile file) {
        if (file != null) {
            file.close();
        }
    }

    long timesScheduled() throws IOException {
        String text = scheduled.read();
        if (fromSchedstat) {
            return Long.parseLong(text.substring(text.lastIndexOf(' ') + 1).strip());
        }
        return field(text, "voluntary_ctxt_switches:") + field(text, "nonvoluntary_ctxt_switches:");
    }

    private static long field(String status, String name) {
        int at = status.indexOf("\n" + name);
        if (at < 0) {
            return 0;
        }
        int start = at + name.length() + 1;
        int end = status.indexOf('\n', start);
        return Long.parseLong(status.substring(start, end < 0 ? status.length() : end).strip());
    }

    /**
     * Where and how the thread waits, {@code scheduled} being its count and {@code state} its
     * state just read, in that order; null when it is not asleep or the kernel does not say.
     * A thread asleep now and at the last call, and not scheduled since, is in the same wait,
     * so its syscall file is not read again: a look that confirms quiet reads two files a
     * thread, not three.
     */
    TimedWaits.Wait waiting(long scheduled, char state) {
        if (state != 'S') {
            lastWait = null;
            return null;
        }
        if (lastWait == null || scheduled != lastScheduled) {
            lastWait = waiting();
            lastScheduled = scheduled;
        }
        return lastWait;
    }

    /** Where and how the thread waits now (see {@link TimedWaits}), or null when the kernel does not say. */
    TimedWaits.Wait waiting() {
        try {
            return syscall == null ? null : TimedWaits.of(syscall.read());
        } catch (IOException cannotTell) {
            return null;
        }
    }

    @Override
    public void close() {
        stat.close();
        scheduled.close();
        closeIfOpen(syscall);
    }
}
