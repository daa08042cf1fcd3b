package io.sockshell.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes of the programs a shell started, found as sockshell finds them: each carries
 * {@code SOCKSHELL_PROGRAM=SESSION-N} in its environment, its children and daemons too. A test
 * reads one program's token, then asks whether anything of that session is left.
 */
public final class ProgramProcesses {
    private static final String VARIABLE = "SOCKSHELL_PROGRAM=";

    private ProgramProcesses() {
    }

    /** The session part of the token process {@code pid} carries ({@code SESSION} of {@code SESSION-N}). */
    public static String sessionOf(long pid) throws IOException {
        for (String entry : environment(pid)) {
            if (entry.startsWith(VARIABLE)) {
                String token = entry.substring(VARIABLE.length());
                return token.substring(0, token.lastIndexOf('-'));
            }
        }
        throw new AssertionError("process " + pid + " carries no program token");
    }

    /** Live processes (not zombies) that carry a token of {@code session}, and the session's guard. */
    public static List<Long> of(String session) {
        List<Long> found = new ArrayList<>();
        String[] entries = new File("/proc").list();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry.isEmpty() || !Character.isDigit(entry.charAt(0))) {
                continue;
            }
            long pid = Long.parseLong(entry);
            try {
                String environment = String.join("\n", environment(pid));
                String commandLine = Files.readString(Path.of("/proc", entry, "cmdline"), StandardCharsets.ISO_8859_1);
                if (environment.contains(VARIABLE + session + "-") || commandLine.contains(session)) {
                    found.add(pid);
                }
            } catch (IOException goneOrNotOurs) {
                // Ended while listed, or another user's: not one of ours.
            }
        }
        return found;
    }

    /**
     * Waits until nothing of {@code session} runs, each wait the JDK's wait for that process to
     * end, at most {@code bound} in all; returns what is still running then.
     */
    public static List<Long> awaitNoneOf(String session, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        List<Long> left = of(session);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            for (long pid : left) {
                Optional<ProcessHandle> process = ProcessHandle.of(pid);
                if (process.isPresent()) {
                    try {
                        process.get().onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException | ExecutionException stillThere) {
                        break;
                    }
                }
            }
            left = of(session);
        }
        return left;
    }

    private static List<String> environment(long pid) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        return List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\0"));
    }
}
