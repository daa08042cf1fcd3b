package io.sockshell.replay;

import io.sockshell.engine.ProcessStarts;
import io.sockshell.support.PythonRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One tutorial program running under Python, with its keyboard input given up front and its
 * output collected. Every wait on it is bounded; {@link #close()} kills what is left.
 */
final class PythonProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final StringBuilder partialErr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private PythonProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), text -> out.append(text), "python stdout");
        this.errReader = reader(process.getErrorStream(), this::splitErrLines, "python stderr");
    }

    static PythonProcess start(PythonRuntime python, String program, List<String> arguments, String keyboard)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(python.commandFor(program, arguments));
        builder.environment().put("PYTHONUNBUFFERED", "1");
        PythonProcess started = new PythonProcess(ProcessStarts.start(builder));
        try (OutputStream stdin = started.process.getOutputStream()) {
            stdin.write(keyboard.getBytes(StandardCharsets.UTF_8));
        }
        return started;
    }

    /** The port from the program's first listen(), waiting at most {@code seconds}. */
    int listeningPort(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = errLines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the Python program did not listen within " + seconds + " s; output: " + out);
            }
            if (line.startsWith("LISTENING ")) {
                return Integer.parseInt(line.substring("LISTENING ".length()).strip());
            }
        }
    }

    /** The exit status, waiting at most {@code seconds} for the program to end. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the Python program did not end within " + seconds + " s; output: " + out);
        }
        outReader.join(TimeUnit.SECONDS.toMillis(seconds));
        errReader.join(TimeUnit.SECONDS.toMillis(seconds));
        return process.exitValue();
    }

    String output() {
        return out.toString();
    }

    String errors() {
        return String.join("\n", errLines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        outReader.join(TimeUnit.SECONDS.toMillis(10));
        errReader.join(TimeUnit.SECONDS.toMillis(10));
    }

    private synchronized void splitErrLines(String text) {
        partialErr.append(text);
        int newline;
        while ((newline = partialErr.indexOf("\n")) >= 0) {
            errLines.add(partialErr.substring(0, newline));
            partialErr.delete(0, newline + 1);
        }
    }

    private static Thread reader(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) > 0) {
                    sink.accept(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                sink.accept("[" + name + " ended: " + e.getMessage() + "]");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
