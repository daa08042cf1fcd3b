package io.sockshell.repl;

import io.sockshell.session.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive shell: the only code that knows JLine. A blocking command holds the prompt
 * and Ctrl-C cancels just that command; finished background jobs print above the prompt.
 */
public final class Repl {
    /**
     * How long to wait for the next key typed ahead once the terminal is raw again. The keys are
     * in the terminal's buffer already: a read that waits this long has found them all (it is
     * generous for a busy machine, and paid only once, after a Ctrl-C).
     */
    private static final long TYPED_AHEAD_READ_MILLIS = 50;
    private final Terminal terminal;
    private final Path historyFile;
    private final boolean color;
    private Recording recording;

    public Repl(Terminal terminal, Path historyFile, boolean color) {
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.color = color;
    }

    /** What a recording shell tells its recorder. */
    public interface Recording {
        /** A line typed, before it runs. */
        void command(String line);

        /** Ctrl-C cut short the line told last. */
        void interrupted();
    }

    /**
     * Makes this a recording shell: each line typed goes to {@code recording} before it runs,
     * and so does a Ctrl-C during it. Finished background jobs show above the prompt as in
     * any shell but are kept for {@code wait}, so the recorder can put them where a replay
     * gets the same output; and output keeps the width a transcript is checked at.
     */
    public Repl recordingTo(Recording recording) {
        this.recording = recording;
        return this;
    }

    /** Work done on the system terminal, given a shell for it and the terminal's screen. */
    @FunctionalInterface
    public interface TerminalTask {
        int run(Repl shell, PrintWriter screen);
    }

    /** Runs {@code task} on the system terminal, with a shell that keeps its history in {@code historyFile}. */
    public static int onSystemTerminal(Path historyFile, TerminalTask task) throws IOException {
        try (Terminal terminal = systemTerminal()) {
            return task.run(new Repl(terminal, historyFile, colorOn(terminal)), terminal.writer());
        }
    }

    /**
     * The shell on the system terminal until exit or Ctrl-D; returns the exit status of the
     * last command. The terminal opens on another thread while {@code newSession} builds the
     * session (JLine's set-up, its logging, the terminal's description from infocmp and the
     * native library, is more than a third of the time to the first prompt); the session's
     * writer reaches the terminal once it is open, and nothing may be written before.
     */
    public static int runOnSystemTerminal(Path historyFile, Function<PrintWriter, Session> newSession)
            throws IOException {
        FutureTask<Terminal> opening = new FutureTask<>(Repl::systemTerminal);
        Thread thread = new Thread(opening, "open terminal");
        thread.setDaemon(true);
        thread.start();
        DeferredWriter output = new DeferredWriter();
        PrintWriter writer = new PrintWriter(output);
        try (Session session = newSession.apply(writer); Terminal terminal = opened(opening)) {
            output.writeTo(terminal.writer());
            return new Repl(terminal, historyFile, colorOn(terminal)).run(session);
        }
    }

    /** Colour unless NO_COLOR is set or the terminal cannot show it. */
    private static boolean colorOn(Terminal terminal) {
        return System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType());
    }

    /**
     * A terminal on the process's own standard streams. JLine's JNI provider is tried alone
     * first: its default list asks the exec provider too, which starts a process
     * ({@code test -t 1}), and on JDK 22+ prefers the FFM provider, whose native calls take
     * about 80 ms of CPU more to set up. When the JNI provider cannot make a terminal here
     * (another platform, no tty), JLine's full list decides as before.
     */
    private static Terminal systemTerminal() throws IOException {
        try {
            return terminalBuilder().jni(true).ffm(false).jansi(false).jna(false).exec(false).dumb(false).build();
        } catch (IllegalStateException noJniTerminal) {
            return terminalBuilder().build();
        }
    }

    private static Terminal opened(FutureTask<Terminal> opening) throws IOException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the terminal opened");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static TerminalBuilder terminalBuilder() {
        TerminalBuilder builder = TerminalBuilder.builder().system(true).name("sockshell");
        if (System.getProperty(TerminalBuilder.PROP_ENCODING) == null
                && System.getProperty(TerminalBuilder.PROP_CODEPAGE) == null) {
            // What JLine would choose after looking for a Windows code page 0 among every
            // charset the JDK has, which loads them all (about a tenth of the start).
            builder.encoding(Charset.defaultCharset());
        }
        return builder;
    }

    /** Runs until exit or Ctrl-D; returns the exit status of the last command. */
    public int run(Session session) {
        session.terminalWidth(() -> terminal.getWidth() > 0 ? terminal.getWidth() : 80);
        ShellCompleter completer = new ShellCompleter(session);
        Map<String, Object> variables = new HashMap<>();
        if (historyFile != null) {
            variables.put(LineReader.HISTORY_FILE, historyFile);
        }
        ShellLineReader reader = new ShellLineReader(terminal, variables);
        reader.setCompleter(completer);
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        reader.option(LineReader.Option.INSERT_TAB, false);
        if (recording == null) {
            session.reportJobsAsTheyFinish(reader::printAbove);
        } else {
            session.showJobsAsTheyFinish(reader::printAbove);
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        terminal.handle(Terminal.Signal.INT, signal -> {
            interrupted.set(true);
            session.cancelForeground();
        });
        String prompt = color
                ? new AttributedString("sockshell> ", AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).toAnsi(terminal)
                : "sockshell> ";
        Attributes original = keepTypeAheadOnInterrupt();
        WaitingHint hint = new WaitingHint(session, terminal, color);
        Deque<String> queued = new ArrayDeque<>();
        String draft = null;
        int status = 0;
        completer.prepareInBackground();
        try {
            while (!session.exitRequested()) {
                String line;
                if (!queued.isEmpty()) {
                    line = queued.poll();
                    showAsTyped(prompt, line);
                    reader.getHistory().add(line);
                } else {
                    try {
                        line = reader.readLine(prompt, null, draft);
                    } catch (UserInterruptException e) {
                        draft = null;
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    queued.addAll(reader.takeQueued());
                    draft = reader.takeDraft();
                }
                if (recording != null) {
                    recording.command(line);
                } else {
                    // The terminal may have been resized since the last command. A recording keeps
                    // the width a transcript is checked at, so its tables replay as recorded.
                    session.width(terminal.getWidth());
                }
                interrupted.set(false);
                status = hint.whileRunning(line, () -> session.execute(line));
                if (interrupted.get()) {
                    draft = keptAfterInterrupt(queued, draft, typedAhead());
                    if (recording != null) {
                        recording.interrupted();
                    }
                }
            }
        } finally {
            hint.close();
            session.reportJobsAsTheyFinish(null);
            session.showJobsAsTheyFinish(null);
            if (original != null) {
                terminal.setAttributes(original);
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                PrintWriter writer = terminal.writer();
                writer.println("note: could not save history: " + e.getMessage());
                writer.flush();
            }
        }
        return status;
    }

    /** A line run from a paste or from lines accepted together, shown after its prompt as if typed. */
    private void showAsTyped(String prompt, String line) {
        PrintWriter writer = terminal.writer();
        writer.print(prompt);
        writer.println(line);
        writer.flush();
    }

    /**
     * Ctrl-C makes the terminal throw away what was typed ahead, unless told not to (NOFLSH):
     * lines typed while a command blocked would be lost silently. Returns the attributes to
     * restore at the end, or null for a terminal without them.
     */
    private Attributes keepTypeAheadOnInterrupt() {
        Attributes original = terminal.getAttributes();
        if (original == null) {
            return null;
        }
        Attributes keeping = new Attributes(original);
        keeping.setLocalFlag(Attributes.LocalFlag.NOFLSH, true);
        terminal.setAttributes(keeping);
        return original;
    }

    /**
     * What was typed while the command ran and has not been read: after Ctrl-C it goes to the
     * editor rather than running, so the person sees it and decides. Control characters other
     * than line breaks (stray keys) are dropped.
     */
    private String typedAhead() {
        Attributes saved = terminal.enterRawMode();
        StringBuilder text = new StringBuilder();
        try {
            NonBlockingReader keys = terminal.reader();
            for (int c = keys.read(TYPED_AHEAD_READ_MILLIS); c >= 0; c = keys.read(TYPED_AHEAD_READ_MILLIS)) {
                if (c == '\r' || c == '\n') {
                    text.append('\n');
                } else if (c >= ' ' && c != 0x7f) {
                    text.append((char) c);
                }
            }
        } catch (IOException e) {
            // Nothing more can be read: keep what was.
        } finally {
            terminal.setAttributes(saved);
        }
        return text.toString();
    }

    /**
     * The editor's text after Ctrl-C: lines still queued from a paste, then the draft and what
     * was typed ahead; null when there is none.
     */
    private static String keptAfterInterrupt(Deque<String> queued, String draft, String typedAhead) {
        List<String> parts = new ArrayList<>(queued);
        queued.clear();
        String last = (draft == null ? "" : draft) + typedAhead;
        parts.add(last);
        String kept = String.join("\n", parts).replaceAll("\n+$", "");
        return kept.isEmpty() ? null : kept;
    }
}
