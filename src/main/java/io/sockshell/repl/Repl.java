package io.sockshell.repl;

import io.sockshell.session.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: the only code that knows JLine. A blocking command holds the prompt
 * and Ctrl-C cancels just that command; finished background jobs print above the prompt.
 */
public final class Repl {
    private final Terminal terminal;
    private final Path historyFile;
    private final boolean color;
    private Consumer<String> recorder;

    public Repl(Terminal terminal, Path historyFile, boolean color) {
        this.terminal = terminal;
        this.historyFile = historyFile;
        this.color = color;
    }

    /**
     * Makes this a recording shell: each line typed goes to {@code recorder} before it runs,
     * and background jobs report at {@code wait} as in a script (not as they happen to finish),
     * so the recording replays with the same output.
     */
    public Repl recordingTo(Consumer<String> recorder) {
        this.recorder = recorder;
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
        ShellCompleter completer = new ShellCompleter(session);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("sockshell")
                .completer(completer)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        if (recorder == null) {
            session.reportJobsAsTheyFinish(reader::printAbove);
        }
        terminal.handle(Terminal.Signal.INT, signal -> session.cancelForeground());
        String prompt = color
                ? new AttributedString("sockshell> ", AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).toAnsi(terminal)
                : "sockshell> ";
        int status = 0;
        completer.prepareInBackground();
        try {
            while (!session.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (recorder != null) {
                    recorder.accept(line);
                } else {
                    // The terminal may have been resized since the last command. A recording keeps
                    // the width a transcript is checked at, so its tables replay as recorded.
                    session.width(terminal.getWidth());
                }
                status = session.execute(line);
            }
        } finally {
            session.reportJobsAsTheyFinish(null);
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
}
