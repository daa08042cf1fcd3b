package io.sockshell.program;

import io.sockshell.engine.ProcessStarts;
import io.sockshell.engine.SockError;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Starts a session's programs, and owns what they share: the session's token and its
 * {@link Guard}. One per session, made the first time a program starts and closed when the
 * session ends (after its programs).
 *
 * <p>A program is started as {@code setsid [stdbuf -oL] COMMAND ARG...}: {@code setsid} makes
 * it lead a session and process group of its own (so signals reach all of it and none from the
 * shell's terminal do), then becomes it, so its pid is the process the JDK started. Its output
 * should reach the pipe as it prints, not when a buffer fills: C's stdio and Python buffer a
 * pipe's output, so the environment sets {@code PYTHONUNBUFFERED=1}, and {@code stdbuf -oL}
 * (where coreutils has it) makes C stdio's stdout line-buffered. transcripts/README.md says
 * where that is not enough.
 */
public final class ProgramLauncher implements AutoCloseable {
    /** The environment variable each program's processes carry its token in. */
    static final String TOKEN_VARIABLE = "SOCKSHELL_PROGRAM";

    private final String token = HexFormat.of().formatHex(randomBytes());
    private int started;
    private Guard guard;
    private boolean closed;

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /**
     * Starts {@code command} (its first word found on PATH, as a shell would) in the current
     * folder, as program {@code name}; it returns at once, before the program is quiet.
     */
    public synchronized Program start(String name, List<String> command) throws SockError {
        if (closed) {
            throw SockError.plain("OSError", "the session is closing");
        }
        String setsid = onPath("setsid");
        if (setsid == null) {
            throw SockError.plain("FileNotFoundError", "[Errno 2] No such file or directory: 'setsid' (programs need"
                    + " util-linux's setsid, to run in a process group of their own)");
        }
        checkRunnable(command.get(0));
        String programToken = token + "-" + (++started);
        Path folder = null;
        RandomAccessFile marks = null;
        FileInputStream reads = null;
        try {
            if (guard == null) {
                guard = Guard.start(setsid, token);
            }
            folder = Files.createTempDirectory("sockshell-program-");
            Path fifo = folder.resolve("output");
            makeFifo(fifo);
            // Read-write first: opening a FIFO only to read would wait for a writer.
            marks = new RandomAccessFile(fifo.toFile(), "rw");
            reads = new FileInputStream(fifo.toFile());
            List<String> line = new ArrayList<>(List.of(setsid));
            String stdbuf = onPath("stdbuf");
            if (stdbuf != null) {
                line.addAll(List.of(stdbuf, "-oL"));
            }
            line.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectOutput(fifo.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().put(TOKEN_VARIABLE, programToken);
            Process process = ProcessStarts.start(builder);
            guard.add((int) process.pid());
            Events events = new Events();
            OutputPipe output = new OutputPipe(reads, marks, events, name);
            return new Program(name, command, process, programToken, guard, events, output,
                    new ProcessWatch((int) process.pid()));
        } catch (IOException e) {
            closeQuietly(marks, reads);
            throw SockError.plain("OSError", "cannot start " + command.get(0) + ": " + e.getMessage());
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Python's subprocess errors for a command that cannot run: not found, or not allowed. */
    private static void checkRunnable(String program) throws SockError {
        String found = program.contains("/") ? program : onPath(program);
        if (found == null || !new File(found).exists()) {
            throw SockError.plain("FileNotFoundError", "[Errno 2] No such file or directory: '" + program + "'"
                    + (program.contains("/") ? "" : " (not found on PATH)"));
        }
        File file = new File(found);
        if (file.isDirectory() || !file.canExecute()) {
            throw SockError.plain("PermissionError", "[Errno 13] Permission denied: '" + program + "'");
        }
    }

    /** Where PATH finds {@code program}, as a shell would, or null. */
    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(":", -1)) {
            File candidate = new File(folder.isEmpty() ? "." : folder, program);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    /** The JDK cannot make a FIFO, so coreutils' mkfifo does; it is one of the few programs every Linux has. */
    private static void makeFifo(Path fifo) throws IOException {
        Process mkfifo = ProcessStarts.start(new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
                .redirectErrorStream(true));
        try {
            mkfifo.getOutputStream().close();
            String said = new String(mkfifo.getInputStream().readAllBytes()).strip();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                mkfifo.destroyForcibly();
                throw new IOException("mkfifo failed" + (said.isEmpty() ? "" : ": " + said));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mkfifo.destroyForcibly();
            throw new IOException("interrupted while making the output pipe");
        }
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // Nothing was started on it.
                }
            }
        }
    }

    /** The FIFO is needed only until both ends are open: unlinked at once, it leaves no file behind. */
    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve("output"));
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // An empty folder in the temporary directory costs nothing.
        }
    }

    /** After the session's programs are closed: the guard ends, killing anything that was missed. */
    @Override
    public synchronized void close() {
        closed = true;
        if (guard != null) {
            guard.close();
        }
    }
}
