package io.sockshell.py;

import io.sockshell.engine.ProcessStarts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program from a fixed list, with no arguments and no shell, the way the tutorial's
 * {@code svr.py} runs {@code w} or {@code ps} for a client. The client's bytes only choose an
 * entry of the list; they never become part of a command line.
 */
final class AllowedCommand {
    /** The output lines with their newlines, and why there are none when something went wrong. */
    record Result(List<String> lines, String problem) {
    }

    private AllowedCommand() {
    }

    static Result run(String request, List<String> allowed, Duration timeLimit, int outputLimit) {
        int choice = allowed.indexOf(request);
        if (choice < 0) {
            return new Result(List.of(), "refusing to run " + Python.repr(request) + ": only "
                    + String.join(" and ", allowed) + " may run here");
        }
        String program = allowed.get(choice);
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("sockshell-" + program, ".out");
            process = ProcessStarts.start(new ProcessBuilder(List.of(program))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile()));
            process.getOutputStream().close();
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Result(List.of(), program + " did not finish within " + timeLimit.toSeconds()
                        + " s; stopped it");
            }
            return new Result(lines(output, outputLimit), null);
        } catch (IOException e) {
            return new Result(List.of(), "cannot run " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), program + " was interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                stop(process);
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first {@code limit} bytes of the file, as lines that keep their newlines. */
    private static List<String> lines(Path file, int limit) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(limit);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}
