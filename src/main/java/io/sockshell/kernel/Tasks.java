package io.sockshell.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a thread of this process sleeps in a wait for sockets, as the kernel sees it
 * ({@code /proc/self/task/TID}): state {@code S} in {@code stat}, and a poll, select or epoll
 * wait as the system call in {@code syscall}. A thread the kernel has woken (data came) is
 * runnable at once, before it returns to Java, so this tells a wait that will go on from one
 * about to end.
 */
public final class Tasks {
    /** poll, select, pselect6, ppoll, epoll_wait, epoll_pwait, epoll_pwait2 on x86-64. */
    private static final Set<Integer> X86_64_WAITS = Set.of(7, 23, 270, 271, 232, 281, 441);
    /** pselect6, ppoll, epoll_pwait, epoll_pwait2 on arm64 (which has no poll, select or epoll_wait). */
    private static final Set<Integer> ARM64_WAITS = Set.of(72, 73, 22, 441);

    private final KernelFiles files;
    private final Set<Integer> waits;

    public Tasks(KernelFiles files) {
        this.files = files;
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        this.waits = arch.equals("aarch64") || arch.equals("arm64") ? ARM64_WAITS : X86_64_WAITS;
    }

    /**
     * The calling thread's folder under {@code /proc/self/task}, or null where there is none.
     * Asked on the thread itself: Java does not tell a thread's kernel id.
     */
    public Path currentTask() {
        if (files.notLinux().isPresent()) {
            return null;
        }
        try {
            // /proc/thread-self links to PID/task/TID.
            return files.root().resolve(Files.readSymbolicLink(files.root().resolve("thread-self")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * Whether the thread of {@code task} sleeps in a poll, select or epoll wait now. False when
     * it runs, sleeps on anything else, or cannot be read.
     */
    public boolean asleepInPoll(Path task) {
        if (task == null) {
            return false;
        }
        try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.ISO_8859_1);
            // The name in parentheses may hold spaces and parentheses: the state follows the last ')'.
            int close = stat.lastIndexOf(')');
            if (close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'S') {
                return false;
            }
            String syscall = Files.readString(task.resolve("syscall"), StandardCharsets.ISO_8859_1).strip();
            int space = syscall.indexOf(' ');
            if (space <= 0) {
                return false;
            }
            return waits.contains(Integer.parseInt(syscall, 0, space, 10));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
