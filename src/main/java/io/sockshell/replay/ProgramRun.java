package io.sockshell.replay;

import io.sockshell.conversation.Source;
import io.sockshell.py.conductor.Conductor;
import io.sockshell.py.runtime.KeyboardLines;
import io.sockshell.py.runtime.Program;
import io.sockshell.py.spi.OpenSocket;
import io.sockshell.recording.PartyRecording;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.tools.StandardJavaFileManager;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * One script replayed in its own JShell, with the local execution engine: snippet after
 * snippet, each shown, run, and followed by its value. Stops at the first compile error or
 * exception, which it reports at the script's file and line.
 */
final class ProgramRun implements Runnable {
    /** How a program's replay ended; RUNNING until it has. NOT_STARTED: stopped before its first turn. */
    enum Result { RUNNING, NOT_STARTED, FINISHED, FAILED, STOPPED, QUIT }

    /** Longest value shown whole; longer ones are cut, with their length. */
    private static final int VALUE_LIMIT = 200;

    private final String label;
    private final Path scriptPath;
    private final List<String> arguments;
    private final ReplayOutput.Channel channel;
    private final Stepper stepper;
    private final Conductor.Side side;
    private final KeyboardLines keyboard;
    private final PortNames ports;
    private final boolean alone;
    private final Consumer<ProgramRun> whenItFails;
    /** Where the program's socket calls are recorded, or null. */
    private final PartyRecording recording;
    private final Map<String, ScriptStep> stepsBySnippetId = new HashMap<>();
    private final ShortValueEngine engine = new ShortValueEngine(VALUE_LIMIT);
    private final AtomicLong stepsDone = new AtomicLong();
    private volatile Result result = Result.RUNNING;
    private volatile boolean preparing = true;
    private volatile long turnAwaitedSince;
    private volatile ScriptStep current;
    private volatile Program program;
    private volatile JShell shell;
    private volatile String scriptName;
    private final List<String> leftOpen = new ArrayList<>();

    /**
     * @param alone whether the program is replayed on its own: then it says which port it listens
     *              on, so that a client outside the replay can find it
     */
    ProgramRun(String label, Path scriptPath, List<String> arguments, ReplayOutput.Channel channel, Stepper stepper,
            Conductor.Side side, KeyboardLines keyboard, PortNames ports, boolean alone,
            Consumer<ProgramRun> whenItFails, PartyRecording recording) {
        this.label = label;
        this.alone = alone;
        this.scriptPath = scriptPath;
        this.arguments = arguments;
        this.channel = channel;
        this.stepper = stepper;
        this.side = side;
        this.keyboard = keyboard;
        this.ports = ports;
        this.whenItFails = whenItFails;
        this.recording = recording;
        this.scriptName = scriptPath.getFileName().toString();
    }

    String label() {
        return label;
    }

    Result result() {
        return result;
    }

    Conductor.Side side() {
        return side;
    }

    ReplayOutput.Channel channel() {
        return channel;
    }

    /** Where the program is: {@code tms.jsh:23}, or just the script before its first snippet. */
    String where() {
        ScriptStep step = current;
        return step == null ? scriptName : scriptName + ":" + step.line();
    }

    /** The call the program was waiting in when it was stopped, such as {@code accept()}; null if none. */
    String stoppedDuring() {
        Program running = program;
        return running == null ? null : running.stoppedDuring();
    }

    /**
     * Since when the program has been waiting ({@link System#nanoTime()}): in a socket call, or
     * for its first turn. -1 while it is busy: starting JShell, compiling, or running Java code.
     */
    long waitingSince() {
        if (preparing) {
            return -1;
        }
        long turn = turnAwaitedSince;
        if (turn != 0) {
            return turn;
        }
        Program running = program;
        long call = running == null ? 0 : running.callStarted();
        return call == 0 ? -1 : call;
    }

    /** Snippets finished plus calls completed: standing still means the program is stuck. */
    long progress() {
        Program running = program;
        return stepsDone.get() + (running == null ? 0 : running.completedCalls());
    }

    /** What the program had left open when it ended, as shown in the report of a stopped program. */
    List<String> leftOpen() {
        synchronized (leftOpen) {
            return List.copyOf(leftOpen);
        }
    }

    /** Stops the program: its socket waits, and any it would start, end in KeyboardInterrupt. */
    void stop() {
        Program running = program;
        if (running != null) {
            running.stop();
        }
    }

    /** Stops a snippet busy in plain Java code, through JShell, for a program that {@link #stop()} did not end. */
    void stopJava() {
        JShell active = shell;
        if (active != null) {
            active.stop();
        }
    }

    @Override
    public void run() {
        PrintStream engineOutput = new PrintStream(new ChannelStream(channel), true, StandardCharsets.UTF_8);
        // JShell does not close its compiler's file manager, which holds every jar on the class
        // path open until a collection happens to run; this run closes it when it ends.
        List<StandardJavaFileManager> fileManagers = new ArrayList<>();
        try (JShell jshell = JShell.builder()
                .executionEngine(engine, Map.of())
                .out(engineOutput)
                .err(engineOutput)
                .in(new ByteArrayInputStream(new byte[0]))
                .fileManager(manager -> {
                    fileManagers.add(manager);
                    return new UnindexedFileManager(manager);
                })
                .build()) {
            shell = jshell;
            jshell.addToClasspath(FacadeClassPath.location());
            Script script = Script.load(scriptPath, jshell.sourceCodeAnalysis());
            scriptName = script.name();
            turnAwaitedSince = System.nanoTime();
            preparing = false;
            if (side != null && !side.start()) {
                result = Result.NOT_STARTED;
                return;
            }
            Program.Builder builder = Program.builder()
                    .argv(argv(script))
                    .keyboard(keyboard)
                    .out(channel::output)
                    .notes(channel::note)
                    .ports(ports)
                    .recording(recording);
            if (alone) {
                builder.listens(port -> channel.note("listening on port " + port));
            }
            if (side != null) {
                builder.transport(side::transport);
            }
            program = builder.build();
            Program.bind(program);
            turnAwaitedSince = 0;
            result = runSteps(jshell, script);
        } catch (ReplayException e) {
            channel.error(e.getMessage());
            result = Result.FAILED;
        } finally {
            if (result == Result.FAILED || result == Result.QUIT) {
                whenItFails.accept(this);
            }
            closeLeftovers();
            closeAll(fileManagers);
            Program.unbind();
            shell = null;
            if (side != null) {
                side.finish();
            }
        }
    }

    private static void closeAll(List<StandardJavaFileManager> fileManagers) {
        for (StandardJavaFileManager manager : fileManagers) {
            try {
                manager.close();
            } catch (IOException | RuntimeException e) {
                // Closing only gives back descriptors early; the collector would close them too.
            }
        }
    }

    private List<String> argv(Script script) {
        List<String> argv = new ArrayList<>();
        argv.add(script.name());
        for (String argument : arguments) {
            if (argument.equals("PORT")) {
                int port = ports.firstServerPort();
                if (port < 0) {
                    throw new ReplayException(script.name() + ": the argument PORT stands for the port the first"
                            + " program listens on, but no program listens yet");
                }
                argv.add(Integer.toString(port));
            } else {
                argv.add(argument);
            }
        }
        return argv;
    }

    private Result runSteps(JShell jshell, Script script) {
        for (ScriptStep step : script.steps()) {
            current = step;
            if (program.stopped()) {
                return Result.STOPPED;
            }
            switch (step.kind()) {
                case COMMAND -> {
                    if (step.code().equals("/exit") || step.code().startsWith("/exit ")) {
                        return Result.FINISHED;
                    }
                    channel.error(where() + ": " + step.code() + " is a jshell command; a replay understands only /exit");
                    return Result.FAILED;
                }
                case UNFINISHED -> {
                    channel.snippet(step);
                    channel.error(where() + ": the script ends inside this snippet (a missing ; or } ?)");
                    return Result.FAILED;
                }
                default -> {
                    channel.snippet(step);
                    if (stepper.before(where()) == Stepper.Choice.QUIT) {
                        return Result.QUIT;
                    }
                    if (recording != null) {
                        recording.at(new Source(scriptPath.toString(), step.line()));
                    }
                    List<SnippetEvent> events = jshell.eval(step.source());
                    ShortValueEngine.Cut cut = engine.takeCut();
                    stepsDone.incrementAndGet();
                    if (program.stopped()) {
                        return Result.STOPPED;
                    }
                    Result outcome = report(jshell, step, events, cut);
                    if (outcome != Result.FINISHED) {
                        return outcome;
                    }
                }
            }
        }
        return Result.FINISHED;
    }

    /**
     * Shows a snippet's value or error; FINISHED means the replay goes on. {@code cut}: the
     * snippet's value as the engine cut it, or null if it left the value whole.
     */
    private Result report(JShell jshell, ScriptStep step, List<SnippetEvent> events, ShortValueEngine.Cut cut) {
        SnippetEvent main = events.stream().filter(event -> event.causeSnippet() == null).findFirst()
                .orElse(events.get(0));
        Snippet snippet = main.snippet();
        stepsBySnippetId.put(snippet.id(), step);
        if (main.status() == Snippet.Status.REJECTED) {
            channel.error(compileErrors(jshell, step, snippet));
            return Result.FAILED;
        }
        if (main.exception() != null) {
            channel.error(describe(main.exception(), step));
            return Result.FAILED;
        }
        if (snippet instanceof VarSnippet variable && main.value() != null) {
            channel.value(variable.name(), shown(main.value(), cut));
        } else if (snippet instanceof MethodSnippet method) {
            channel.info("created method " + method.name() + "(" + method.parameterTypes() + ")"
                    + unresolvedNote(jshell, method));
        } else if (snippet instanceof TypeDeclSnippet type) {
            channel.info("created " + type.subKind().name().replace("_SUBKIND", "").toLowerCase(Locale.ROOT)
                    + " " + type.name() + unresolvedNote(jshell, type));
        } else if (snippet.kind() == Snippet.Kind.EXPRESSION && main.value() != null) {
            channel.value(((ExpressionSnippet) snippet).name(), shown(main.value(), cut));
        }
        return Result.FINISHED;
    }

    private static String unresolvedNote(JShell jshell, DeclarationSnippet snippet) {
        List<String> missing = jshell.unresolvedDependencies(snippet).toList();
        return missing.isEmpty() ? "" : ", which cannot be used until " + String.join(", ", missing) + " is declared";
    }

    private String compileErrors(JShell jshell, ScriptStep step, Snippet snippet) {
        StringBuilder out = new StringBuilder();
        String[] sourceLines = step.source().split("\n", -1);
        jshell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> {
            int position = (int) Math.max(0, diag.getStartPosition());
            int lineIndex = lineIndex(step.source(), position);
            String line = sourceLines[Math.min(lineIndex, sourceLines.length - 1)];
            int column = position - lineStart(step.source(), lineIndex);
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(scriptName).append(':').append(step.scriptLine(lineIndex + 1)).append(": error: ")
                    .append(javacMessage(diag))
                    .append("\n    ").append(line)
                    .append("\n    ").append(" ".repeat(Math.max(0, Math.min(column, line.length())))).append('^');
        });
        return out.length() > 0 ? out.toString() : scriptName + ":" + step.line() + ": error: JShell rejected this snippet";
    }

    /**
     * The compiler's message without its last line when that line names the class JShell wraps
     * snippets in, which has no name a learner would know.
     */
    private static String javacMessage(Diag diag) {
        List<String> lines = new ArrayList<>();
        for (String line : diag.getMessage(Locale.ROOT).split("\n")) {
            if (!line.strip().equals("location: class")) {
                lines.add(line);
            }
        }
        return String.join("\n    ", lines);
    }

    private String describe(Exception exception, ScriptStep step) {
        String what;
        if (exception instanceof EvalException eval) {
            String className = eval.getExceptionClassName();
            String message = eval.getMessage();
            what = className.startsWith("io.sockshell.py.") ? message
                    : className + (message == null ? "" : ": " + message);
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            what = "this uses " + unresolved.getSnippet().source().strip().split("\n")[0]
                    + ", which refers to something not declared";
        } else {
            what = exception.toString();
        }
        StringBuilder out = new StringBuilder();
        List<String> calls = new ArrayList<>();
        for (StackTraceElement frame : exception.getStackTrace()) {
            String file = frame.getFileName();
            ScriptStep origin = file != null && file.startsWith("#") ? stepsBySnippetId.get(file.substring(1)) : null;
            if (origin != null && frame.getLineNumber() > 0) {
                calls.add(scriptName + ":" + origin.scriptLine(frame.getLineNumber()));
            }
        }
        out.append(calls.isEmpty() ? scriptName + ":" + step.line() : calls.get(0)).append(": ").append(what);
        for (int i = 1; i < calls.size(); i++) {
            out.append("\n    called from ").append(calls.get(i));
        }
        return out.toString();
    }

    private static int lineIndex(String text, int position) {
        int line = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int lineIndex) {
        int start = 0;
        for (int i = 0; i < lineIndex; i++) {
            start = text.indexOf('\n', start) + 1;
        }
        return start;
    }

    private static String shown(String value, ShortValueEngine.Cut cut) {
        int length = cut != null ? cut.length() : value.length();
        if (length <= VALUE_LIMIT) {
            return value;
        }
        return value.substring(0, Math.min(VALUE_LIMIT, value.length())) + "... (" + length + " characters in all)";
    }

    /**
     * Closes what the script left open, as the system does when a program exits. A program that
     * ran to its end reports them now, in its turn; a stopped one leaves the report to the replay.
     */
    private void closeLeftovers() {
        Program running = program;
        if (running == null) {
            return;
        }
        List<OpenSocket> open = running.openSockets();
        synchronized (leftOpen) {
            for (OpenSocket socket : open) {
                leftOpen.add(socket.toString());
            }
        }
        if (result != Result.STOPPED) {
            for (String socket : leftOpen()) {
                channel.note("left open at the end, closed as the system does when a program exits: " + socket);
            }
        }
        running.closeAll();
    }

    /** Whatever JShell itself prints goes to the program's output, labelled like the rest. */
    private static final class ChannelStream extends OutputStream {
        private final ReplayOutput.Channel channel;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        ChannelStream(ReplayOutput.Channel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() {
            if (pending.size() > 0) {
                channel.output(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
        }
    }
}
