package io.sockshell.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts what a replay might leave behind: its threads, and sockets this JVM holds open. */
final class LeftBehind {
    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    private LeftBehind() {
    }

    /** Program threads of replays, and JShell's snippet threads. */
    static int replayThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ThreadGroup group = thread.getThreadGroup();
            boolean snippet = group != null && group.getName().startsWith("JShell");
            if (thread.isAlive() && (thread.getName().startsWith("replay ") || snippet)) {
                count++;
            }
        }
        return count;
    }

    /** Sockets among this process's open descriptors; -1 where the system does not list them. */
    static long openSockets() {
        if (!Files.isDirectory(DESCRIPTORS)) {
            return -1;
        }
        try (Stream<Path> descriptors = Files.list(DESCRIPTORS)) {
            return descriptors.filter(LeftBehind::isSocket).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
        } catch (IOException e) {
            return false;
        }
    }
}
