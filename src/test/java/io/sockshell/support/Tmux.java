package io.sockshell.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A program in a real terminal: a tmux server of the test's own (its own socket, no user
 * configuration) whose one pane runs the program, so a test types, pastes (bracketed, as a
 * terminal does), presses Ctrl-C, resizes the window and reads the screen as a person sees it,
 * with the terminal's own line wrapping and reflow. {@link #close()} ends the server and the
 * program with it.
 */
public final class Tmux implements AutoCloseable {
    private static final Duration COMMAND_BOUND = Duration.ofSeconds(10);
    /** How often the screen is read again while a test waits for it to show something. */
    private static final long SCREEN_POLL_MILLIS = 20;

    private final Path folder;
    private final Path socket;
    private ProcessHandle program;

    private Tmux(Path folder) {
        this.folder = folder;
        this.socket = folder.resolve("tmux.sock");
    }

    /** Whether tmux is installed; the terminal tests need it (.ci/run installs it). */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code command} in a window of {@code columns} x {@code rows}; the environment is the
     * test's, without {@code NO_COLOR}, with {@code TERM} as tmux sets it.
     */
    public static Tmux start(int columns, int rows, List<String> command) throws IOException {
        if (!available()) {
            throw new AssertionError("tmux is needed for the terminal tests: apt-get install tmux");
        }
        Tmux tmux = new Tmux(Files.createTempDirectory("sockshell-tmux"));
        List<String> start = new ArrayList<>(List.of("new-session", "-d", "-s", "t", "-x", Integer.toString(columns),
                "-y", Integer.toString(rows), "env", "-u", "NO_COLOR"));
        start.addAll(command);
        tmux.tmux(start.toArray(String[]::new));
        // Keep the pane after the program ends, so a test can read its last screen.
        tmux.tmux("set-option", "-t", "t", "remain-on-exit", "on");
        tmux.program = ProcessHandle.of(Long.parseLong(tmux.tmux("display-message", "-p", "-t", "t", "#{pane_pid}")
                .strip())).orElse(null);
        return tmux;
    }

    /** Types {@code text} as keys, exactly as given (no key names). */
    public void type(String text) {
        tmux("send-keys", "-t", "t", "-l", text);
    }

    /** Presses named keys: {@code Enter}, {@code C-c}, {@code C-d}. */
    public void press(String... keys) {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", "t"));
        command.addAll(List.of(keys));
        tmux(command.toArray(String[]::new));
    }

    /** Types a line and presses Enter. */
    public void enter(String line) {
        type(line);
        press("Enter");
    }

    /**
     * Pastes {@code text} as a terminal does: wrapped in bracketed-paste marks when the program
     * asked for them, its line breaks sent as carriage returns.
     */
    public void paste(String text) {
        tmux("set-buffer", "-b", "paste", "--", text);
        tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", "t");
    }

    /** Resizes the window, as a person resizing the terminal does; the program gets SIGWINCH. */
    public void resize(int columns, int rows) {
        tmux("resize-window", "-t", "t", "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** The visible screen, one line per row, trailing blanks removed. */
    public String screen() {
        return tmux("capture-pane", "-p", "-t", "t");
    }

    /** The screen and its history with the rows the terminal wrapped joined again, as they were printed. */
    public String screenJoined() {
        return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t");
    }

    /** The screen with colours and styles as escape sequences. */
    public String screenWithStyles() {
        return tmux("capture-pane", "-p", "-e", "-t", "t");
    }

    /** Waits until the screen shows what {@code done} looks for; returns the screen then. */
    public String await(Predicate<String> done, Duration bound, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        String screen = screen();
        while (!done.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + what + " within " + bound + "; the screen is:\n" + screen);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(SCREEN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            screen = screen();
        }
        return screen;
    }

    /** Waits until the screen contains {@code text} {@code count} times. */
    public String awaitCount(String text, int count, Duration bound) {
        return await(screen -> TextSink.occurrences(screen, text) >= count, bound, count + " x " + text);
    }

    private String tmux(String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tmux " + String.join(" ", arguments) + " did not end within " + COMMAND_BOUND);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run tmux: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether the program has ended. */
    public boolean ended() {
        return tmux("display-message", "-p", "-t", "t", "#{pane_dead}").strip().equals("1");
    }

    @Override
    public void close() throws IOException {
        if (program != null) {
            program.descendants().forEach(ProcessHandle::destroyForcibly);
            program.destroyForcibly();
        }
        try {
            new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server").redirectErrorStream(true)
                    .start().waitFor(COMMAND_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
