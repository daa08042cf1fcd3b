package io.sockshell.cli;

import io.sockshell.conversation.Recorder;
import io.sockshell.replay.Replay;
import io.sockshell.replay.ReplayException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockshell replay}: runs tutorial scripts through JShell, one snippet at a time. */
@Command(name = "replay",
        description = {
            "Replays JShell scripts (.jsh) snippet by snippet: each snippet is shown, run, and followed by"
                + " its output and value. Stops at the first compile error or exception, naming the script and line.",
            "Given several scripts, runs them against each other, taking turns as on one processor: a program"
                + " runs until a call of its has to wait. The output, labelled by program, is the same on every run.",
            "Arguments after a script are its sys.argv. In a later script, the argument PORT stands for the port"
                + " the first program listens on."},
        footer = {"", "Examples:",
            "  sockshell replay --step jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:",
            "  sockshell replay jshell-scripts/sendall.jsh",
            "", "Exit status: 0 every program ended well (a server left waiting for its next client counts),"
                + " 1 a program failed or was stopped, 2 bad usage or a missing script."})
public final class ReplayCommand implements Callable<Integer> {
    /** How long nothing may happen before a replay is stopped, unless --wait says otherwise. */
    private static final String DEFAULT_WAIT_SECONDS = "30";

    @Spec
    CommandSpec spec;

    @Option(names = "--step", description = "Pause before each snippet: Enter runs it, c runs to the end, q quits.")
    boolean step;

    @Option(names = "--stable",
            description = "Show ports as PORT, EPH1, ... instead of numbers, so the output is the same on every run.")
    boolean stable;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the output: auto (on a terminal without NO_COLOR), always, never.")
    ColorChoice color;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = DEFAULT_WAIT_SECONDS,
            description = "Stop the replay when nothing has happened for this long (default ${DEFAULT-VALUE}); 0 waits for ever.")
    double waitSeconds;

    @Option(names = {"-i", "--input"}, paramLabel = "[LABEL:]LINE",
            description = "A keyboard line for input(); LABEL (a script name without .jsh) gives it to one program."
                + " Repeat for more lines; once they run out, input() reads standard input.")
    List<String> input = new ArrayList<>();

    // The first script is a Path of its own so that shell completion offers files for it;
    // the words after it (arguments, later scripts) stay strings, as a script receives them.
    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The (first) script.")
    Path firstScript;

    @Parameters(index = "1..*", paramLabel = "ARG|SCRIPT",
            description = "Its arguments; then any further scripts, each followed by its arguments.")
    List<String> furtherWords = new ArrayList<>();

    private final InputStream stdin;
    private final boolean interactive;
    private volatile Replay running;
    private Recorder recorder;

    /** Whether to colour the output. */
    enum ColorChoice { auto, always, never }

    public ReplayCommand() {
        this(System.in, Terminals.interactive());
    }

    /** {@code interactive}: a person types {@code stdin} and reads the output on a terminal. */
    public ReplayCommand(InputStream stdin, boolean interactive) {
        this.stdin = stdin;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Replay.ScriptCall> calls = scriptCalls();
            boolean colorful = color == ColorChoice.always || color == ColorChoice.auto && Terminals.colorful(interactive);
            Replay.Settings settings = new Replay.Settings(step, stable, colorful, waitSeconds, input);
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            running = new Replay(settings, calls, in, interactive, out).recordInto(recorder);
            int status = running.run();
            out.flush();
            return status;
        } catch (ReplayException e) {
            out.flush();
            err.println("sockshell replay: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /** Records the replayed programs' socket calls into {@code target} (null: none). */
    void recordInto(Recorder target) {
        recorder = target;
    }

    /** Stops the replay running now, if any, as its bound on waiting would. */
    void stop(String reason) {
        Replay replay = running;
        if (replay != null) {
            replay.stop(reason);
        }
    }

    private List<Replay.ScriptCall> scriptCalls() {
        if (waitSeconds < 0) {
            throw new ReplayException("--wait must be 0 (for ever) or more seconds, not " + waitSeconds);
        }
        List<String> words = new ArrayList<>();
        words.add(firstScript.toString());
        words.addAll(furtherWords);
        return scriptCalls(words);
    }

    /** Scripts, each followed by its arguments, as {@code replay} takes them. */
    static List<Replay.ScriptCall> scriptCalls(List<String> words) {
        List<Replay.ScriptCall> calls = new ArrayList<>();
        Path script = null;
        List<String> arguments = new ArrayList<>();
        for (String word : words) {
            if (word.endsWith(".jsh")) {
                if (script != null) {
                    calls.add(new Replay.ScriptCall(script, arguments));
                }
                script = Path.of(word);
                arguments = new ArrayList<>();
            } else if (script == null) {
                throw new ReplayException("the first argument must be a script ending in .jsh, not " + word);
            } else {
                arguments.add(word);
            }
        }
        calls.add(new Replay.ScriptCall(script, arguments));
        return calls;
    }
}
