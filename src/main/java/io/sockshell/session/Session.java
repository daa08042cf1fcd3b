package io.sockshell.session;

import io.sockshell.command.Commands;
import io.sockshell.command.Display;
import io.sockshell.command.HelpCommand;
import io.sockshell.command.Layout;
import io.sockshell.command.ShellCommand;
import io.sockshell.command.ShellContext;
import io.sockshell.command.UsageError;
import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Holding;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackends;
import io.sockshell.engine.SocketTable;
import io.sockshell.engine.TraceListener;
import io.sockshell.kernel.KernelFiles;
import io.sockshell.kernel.KernelView;
import io.sockshell.kernel.Tasks;
import io.sockshell.recording.PartyRecording;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One shell session: a line in, results and errors out. It owns the socket table, the
 * background jobs and the settings; every driver (terminal, script, transcript) goes through
 * {@link #execute(String)}. Results go to {@code out}, error lines to {@code err}; a driver
 * that wants them in one stream passes the same writer twice.
 */
public final class Session implements ShellContext, AutoCloseable {
    /** Exit status of a command that worked. */
    public static final int OK = 0;
    /** Exit status of a command whose call failed (an engine error). */
    public static final int FAILED = 1;
    /** Exit status of a command typed wrongly. */
    public static final int USAGE = 2;

    private final PrintWriter out;
    private final PrintWriter err;
    private final SocketTable table;
    private final Display display = new Display();
    private final Jobs jobs;
    private final Map<String, Class<? extends ShellCommand>> commandTypes = Commands.byName();
    /**
     * Each command's parser, built when the command is first used: building all of them
     * would cost more than the rest of the shell's start together.
     */
    private final Map<Class<?>, CommandLine> parsers = new HashMap<>();
    private CommandLine commandTree;
    private final RepeatedLines repeatedLines = new RepeatedLines();
    /** Where the background job running on this thread traces; a foreground command has none and traces to {@code out}. */
    private final ThreadLocal<PrintWriter> currentTrace = new ThreadLocal<>();
    private final Switch tracing = new Switch("trace");
    private final Switch kernelTracing = new Switch("trace kernel");
    private final KernelView kernel;
    /** What the kernel held after the last command, while {@code trace kernel} is on: the next command's changes are from it. */
    private KernelView.Snapshot kernelBefore;
    private final Switch debugging = new Switch("debug");
    /** Every line run, for {@code export}: a session is also the first draft of a program. */
    private final List<String> history = new ArrayList<>();
    private volatile int width = Layout.DEFAULT_WIDTH;
    /** Set while {@link #executeInterruptedWhenBlocked} runs its line. */
    private boolean interruptWhenBlocked;
    private volatile boolean exitRequested;
    private volatile CancelSignal foreground;
    /** The session's calls, recorded for {@code diagram} while it is on; off unless asked for. */
    private final PartyRecording recording = new PartyRecording(DEFAULT_PARTY);
    private volatile Recorder recorder;
    private volatile IntSupplier terminalWidth = () -> 80;

    /** The party a session's calls are recorded as unless a driver names it. */
    public static final String DEFAULT_PARTY = "sockshell";

    public Session(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.table = new SocketTable(recording.backend(SocketBackends.create(new TraceListener() {
            @Override
            public void syscall(String line) {
                traceLine(line);
            }

            @Override
            public boolean enabled() {
                return tracing.on();
            }
        })));
        KernelFiles files = KernelFiles.standard();
        this.jobs = new Jobs(new Tasks(files));
        this.kernel = new KernelView(table, files, jobs::quiet);
    }

    /** Runs one line and returns its exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}. */
    public int execute(String line) {
        try {
            return run(line);
        } finally {
            synchronized (history) {
                history.add(line);
            }
        }
    }

    private int run(String line) {
        int status = runLine(line);
        traceHoldings();
        traceKernelChanges();
        return status;
    }

    /**
     * What the session's holdings did during the line just run that {@code trace on} shows (a
     * link's pieces as they are delivered). Asked after every line, so that what happened while
     * tracing was off is not told later.
     */
    private void traceHoldings() {
        boolean shown = false;
        for (Holding holding : table.holdings().values()) {
            for (String line : holding.traced()) {
                if (tracing.on()) {
                    out.println(TerminalText.escapeControls("| " + line));
                    shown = true;
                }
            }
        }
        if (shown) {
            out.flush();
        }
    }

    private int runLine(String line) {
        CommandLine prepared = repeatedLines.prepared(line);
        if (prepared != null) {
            Recorder.Scope scope = recording.begin(prepared.getCommandName(), line, false);
            return inForeground(() -> recording.within(scope, () -> runPrepared(prepared)));
        }
        LineSplitter.Split split;
        try {
            split = LineSplitter.split(line);
        } catch (LineSplitter.UnbalancedQuote e) {
            err.println(TerminalText.escapeControls("error: " + e.getMessage()));
            err.flush();
            return USAGE;
        }
        if (split.isEmpty()) {
            return OK;
        }
        String[] words = split.words().toArray(new String[0]);
        Class<? extends ShellCommand> type = commandTypes.get(words[0]);
        if (type == null) {
            err.println(TerminalText.escapeControls(unknownCommand(words[0])));
            err.flush();
            return USAGE;
        }
        if (split.background()) {
            return startJob(type, words, line.strip());
        }
        Recorder.Scope scope = recording.begin(words[0], line.strip(), false);
        return inForeground(() -> {
            CommandLine parser = parsers.computeIfAbsent(type, unused -> configure(Commands.single(this, type), out, err));
            int status = recording.within(scope, () -> parser.execute(Arrays.copyOfRange(words, 1, words.length)));
            repeatedLines.ran(line, split.words(), () -> configure(Commands.single(this, type), out, err));
            return status;
        });
    }

    /** Runs a command in the foreground, where Ctrl-C ({@link #cancelForeground()}) reaches it. */
    private int inForeground(IntSupplier command) {
        CancelSignal signal = CancelSignal.current();
        signal.reset();
        if (interruptWhenBlocked) {
            signal.cancelWhenWaiting();
        }
        foreground = signal;
        try {
            return command.getAsInt();
        } finally {
            foreground = null;
            out.flush();
            if (err != out) {
                err.flush();
            }
        }
    }

    private int startJob(Class<? extends ShellCommand> type, String[] words, String text) {
        if (words[0].equals("wait") || words[0].equals("exit") || words[0].equals("quit")) {
            err.println("error: " + words[0] + " cannot run in the background");
            err.flush();
            return USAGE;
        }
        String jobText = text.endsWith("&") ? text.substring(0, text.length() - 1).strip() : text;
        String[] arguments = Arrays.copyOfRange(words, 1, words.length);
        Recorder.Scope scope = recording.begin(words[0], text, true);
        int id = jobs.start(jobText, (writer, trace) -> {
            CommandLine single = configure(Commands.single(this, type), writer, writer);
            currentTrace.set(trace);
            try {
                return recording.within(scope, () -> single.execute(arguments));
            } finally {
                currentTrace.remove();
            }
        });
        out.println("[" + id + "] pending: " + jobText);
        out.flush();
        return OK;
    }

    /** Cancels the command running in the foreground, as Ctrl-C does; its socket stays usable. */
    public void cancelForeground() {
        CancelSignal signal = foreground;
        if (signal != null) {
            signal.cancel();
        }
    }

    /**
     * How long the command in the foreground has been waiting in a blocking socket call, in
     * nanoseconds; 0 when none is running or it is not waiting (it computes, or waits for jobs).
     */
    public long foregroundWaitingFor() {
        CancelSignal signal = foreground;
        return signal == null ? 0 : signal.waitingFor();
    }

    /** Prints finished background jobs as they finish (interactive use), instead of at wait. */
    public void reportJobsAsTheyFinish(Consumer<String> reporter) {
        jobs.reportImmediately(reporter);
    }

    /**
     * Shows finished background jobs to {@code viewer} as they finish while keeping their results
     * for {@code wait}, as a recording does: the person sees them at once, the transcript at wait.
     */
    public void showJobsAsTheyFinish(Consumer<String> viewer) {
        jobs.showImmediately(viewer);
    }

    /**
     * Runs one line as {@link #execute} does, cancelling it as Ctrl-C would as soon as it blocks
     * (waits in a socket call or for jobs): a recorded Ctrl-C, replayed without a clock.
     */
    public int executeInterruptedWhenBlocked(String line) {
        interruptWhenBlocked = true;
        try {
            return execute(line);
        } finally {
            interruptWhenBlocked = false;
        }
    }

    /** The writer results go to. */
    public PrintWriter out() {
        return out;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    /**
     * What is still open: running jobs, then open sockets, files and programs. A transcript or
     * script ending with any of these has left something behind.
     */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>();
        for (String job : jobs.running()) {
            left.add("job " + job + " still running");
        }
        left.addAll(table.leftovers());
        return left;
    }

    /** Cancels every job and closes every socket and file, each even if another fails. */
    @Override
    public void close() {
        jobs.cancelAll(2000);
        // What is closed now no command closed: it comes from no step.
        recording.at(null);
        table.closeAll();
    }

    @Override
    public SocketTable table() {
        return table;
    }

    @Override
    public Display display() {
        return display;
    }

    @Override
    public int width() {
        return width;
    }

    /** Lays output out to {@code columns} from now on: a terminal's width, which may change between commands. */
    public void width(int columns) {
        if (columns > 0) {
            width = columns;
        }
    }

    @Override
    public Switch trace() {
        return tracing;
    }

    @Override
    public Switch kernelTrace() {
        return kernelTracing;
    }

    @Override
    public KernelView kernel() {
        return kernel;
    }

    @Override
    public Switch debug() {
        return debugging;
    }

    @Override
    public JobControl jobs() {
        return jobs;
    }

    @Override
    public List<String> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Override
    public void requestExit() {
        exitRequested = true;
    }

    @Override
    public boolean recordingCalls() {
        return recording.recorder() != null;
    }

    @Override
    public synchronized void recordCalls(boolean on) {
        if (!on) {
            recording.stop();
            return;
        }
        if (recorder == null) {
            recorder = new Recorder();
        }
        recording.into(recorder, recording.party());
    }

    @Override
    public Conversation recordedCalls() {
        Recorder recorded = recorder;
        return recorded == null ? Conversation.empty() : recorded.snapshot();
    }

    /**
     * Records the session's calls from now on into {@code shared} as {@code party}, beside the
     * calls of whoever else records there (the other parties of a transcript).
     */
    public synchronized void recordInto(Recorder shared, String party) {
        recorder = shared;
        recording.into(shared, party);
    }

    /** Where the commands that follow come from, for a diagram's links back to them; null: their number. */
    public void commandsFrom(Source source) {
        recording.at(source);
    }

    @Override
    public int terminalWidth() {
        return terminalWidth.getAsInt();
    }

    /** Where {@link #terminalWidth()} is read from: the terminal the shell runs on. */
    public void terminalWidth(IntSupplier columns) {
        terminalWidth = columns;
    }

    /** The names of the commands, for completion and help. */
    public List<String> commandNames() {
        return new ArrayList<>(commandTypes.keySet());
    }

    /** Every command in one Picocli tree, for completion and the reference; built on first use. */
    public synchronized CommandLine commandTree() {
        if (commandTree == null) {
            commandTree = configure(Commands.tree(this), out, err);
        }
        return commandTree;
    }

    /**
     * With {@code trace kernel} on, what the line just run changed in the kernel, once it has
     * settled: one {@code | kernel: ...} line each, also noted in the recorded calls (for
     * {@code diagram}) beside the socket it is about.
     */
    private void traceKernelChanges() {
        if (!kernelTracing.on()) {
            kernelBefore = null;
            return;
        }
        KernelView.Snapshot after = kernel.settled();
        if (kernelBefore != null) {
            for (KernelView.Change change : after.changesSince(kernelBefore)) {
                out.println(TerminalText.escapeControls("| kernel: " + change.text()));
                recording.note(change.sock(), "kernel: " + change.text());
            }
            out.flush();
        }
        kernelBefore = after;
    }

    private void traceLine(String line) {
        if (tracing.on()) {
            PrintWriter writer = currentTrace.get();
            (writer == null ? out : writer).println("| " + line);
        }
    }

    private CommandLine configure(CommandLine line, PrintWriter results, PrintWriter errors) {
        line.setOut(results);
        line.setErr(errors);
        line.setExecutionExceptionHandler((exception, failed, parseResult) -> executionFailed(exception, failed));
        line.setParameterExceptionHandler((exception, args) -> {
            PrintWriter writer = exception.getCommandLine().getErr();
            writer.println(TerminalText.escapeControls(usageLine(exception)));
            writer.flush();
            return USAGE;
        });
        return line;
    }

    /**
     * Runs a command {@link RepeatedLines} parsed earlier for this very line, as Picocli's
     * execute would after parsing: its result is the exit status, an exception goes to the
     * same handler.
     */
    private int runPrepared(CommandLine prepared) {
        try {
            Integer status = ((ShellCommand) prepared.getCommand()).call();
            return status == null ? OK : status;
        } catch (Exception e) {
            return executionFailed(e, prepared);
        }
    }

    private int executionFailed(Exception exception, CommandLine failed) {
        PrintWriter writer = failed.getErr();
        if (exception instanceof SockError error) {
            writer.println(TerminalText.escapeControls(error.pythonLine()));
            debugTrace(writer, error);
            writer.flush();
            return FAILED;
        }
        if (exception instanceof UsageError usage) {
            writer.println(TerminalText.escapeControls(failed.getCommandName() + ": " + usage.getMessage()));
            writer.flush();
            return USAGE;
        }
        writer.println(TerminalText.escapeControls("error: " + failed.getCommandName() + " failed unexpectedly: "
                + exception + (debugging.on() ? "" : " (set debug on for the stack trace)")));
        debugTrace(writer, exception);
        writer.flush();
        return FAILED;
    }

    private void debugTrace(PrintWriter writer, Throwable exception) {
        if (debugging.on()) {
            Throwable shown = exception.getCause() != null ? exception.getCause() : exception;
            shown.printStackTrace(writer);
        }
    }

    private static String usageLine(ParameterException exception) {
        CommandLine failed = exception.getCommandLine();
        String synopsis = HelpCommand.oneLineSynopsis(failed);
        String message = exception.getMessage();
        if (exception instanceof UnmatchedArgumentException) {
            message = "too many arguments or unknown option: " + String.join(" ",
                    ((UnmatchedArgumentException) exception).getUnmatched());
        }
        return failed.getCommandName() + ": " + lowerFirst(message) + " (usage: " + synopsis + ")";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private String unknownCommand(String word) {
        String closest = commandTypes.keySet().stream()
                .min(Comparator.comparingInt(name -> distance(name, word)))
                // Two typing slips at most, and no more than half the word: foo is two from eof, but no slip.
                .filter(name -> distance(name, word) <= Math.min(2, word.length() / 2))
                .orElse(null);
        return "error: unknown command '" + word + "'"
                + (closest == null ? " (type help for the list)" : "; did you mean " + closest + "?");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
