package io.sockshell.export;

import io.sockshell.engine.ProcessStarts;
import io.sockshell.transcript.ExportStep;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptChecker;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPython as the judge of a transcript: its export runs in python3 and what each step printed
 * there is matched against the transcript's expected output, with the same patterns and
 * captures as {@code check}. The python3 command is {@code python3} unless the system property
 * {@value #COMMAND_PROPERTY} names another.
 */
public final class PythonJudge {
    /** The system property naming the Python to judge with. */
    public static final String COMMAND_PROPERTY = "sockshell.python3";
    /** The whole program's bound, in step bounds: the steps of a transcript are quick, and one that waits for ever must not hold the check. */
    private static final int STEP_BOUNDS_PER_PROGRAM = 6;

    private PythonJudge() {
    }

    /**
     * What a program printed, cut at its step marks.
     *
     * @param byStep   each exported step's output, by step number
     * @param problems what went wrong: the program overran its bound, or wrote to standard error
     */
    public record Outputs(Map<Integer, String> byStep, List<TranscriptResult.Problem> problems) {
    }

    /** The python3 command. */
    public static String command() {
        return System.getProperty(COMMAND_PROPERTY, "python3");
    }

    /** Why python3 cannot judge on this machine, or empty when it can. */
    public static Optional<String> unavailable() {
        try {
            Process process = ProcessStarts.start(new ProcessBuilder(command(), "-c", "import sys; assert sys.version_info >= (3, 8)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(command() + " did not answer within 20 s");
            }
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(command() + " is older than Python 3.8");
        } catch (IOException e) {
            return Optional.of(command() + " cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for " + command());
        }
    }

    /**
     * Judges one transcript: its export run by python3, each step's output matched. A
     * transcript with no export ({@link PythonExport#noExport}) is inapplicable.
     */
    public static TranscriptResult check(Transcript transcript, double stepSeconds) throws TranscriptChecker.Inapplicable {
        Optional<String> noExport = PythonExport.noExport(transcript);
        if (noExport.isPresent()) {
            throw new TranscriptChecker.Inapplicable(noExport.get());
        }
        long started = System.nanoTime();
        PythonExport.Program program = PythonExport.of(transcript);
        Outputs outputs = run(program, stepSeconds * STEP_BOUNDS_PER_PROGRAM);
        List<TranscriptResult.Problem> problems = new ArrayList<>(outputs.problems());
        for (ExportStep step : transcript.exportSteps()) {
            String why = program.unexported().get(step.number());
            if (why != null) {
                problems.add(new TranscriptResult.Problem(step.line(), "step " + step.number() + " (" + step.display()
                        + ") has no Python export (" + why + "); a deliberate difference is marked with a"
                        + " '%python skip REASON' line above it"));
            }
        }
        return TranscriptResult.ofOutputs(transcript, outputs.byStep(), problems, (System.nanoTime() - started) / 1e9);
    }

    /** Runs a program with its steps marked, for at most {@code seconds}, and cuts its output into steps. */
    public static Outputs run(PythonExport.Program program, double seconds) {
        try {
            Ran ran = execute(program.source(), List.of(), seconds);
            return new Outputs(cut(ran.stdout(), program.markedSteps()), ran.problems());
        } catch (IOException e) {
            return new Outputs(Map.of(), List.of(new TranscriptResult.Problem(0, "cannot run " + command() + " ("
                    + e.getMessage() + ")")));
        }
    }

    /**
     * Runs several programs in one python3 process, one after another, each in a namespace of
     * its own (python3's start-up costs more than a short program): for a differential test's
     * hundreds of generated sessions. The outputs are in the programs' order.
     */
    public static List<Outputs> runAll(List<PythonExport.Program> programs, double seconds) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("sockshell-python-batch-");
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                Path source = folder.resolve("program" + i + ".py");
                Files.writeString(source, programs.get(i).source(), StandardCharsets.UTF_8);
                arguments.add(source.toString());
            }
            Ran ran = execute(DRIVER, arguments, seconds);
            List<String> chunks = new ArrayList<>();
            StringBuilder current = null;
            for (String line : TranscriptRunner.lines(ran.stdout())) {
                if (line.equals(PROGRAM_MARK)) {
                    if (current != null) {
                        chunks.add(current.toString());
                    }
                    current = new StringBuilder();
                } else if (current != null) {
                    current.append(line).append('\n');
                }
            }
            if (current != null) {
                chunks.add(current.toString());
            }
            List<Outputs> outputs = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                String chunk = i < chunks.size() ? chunks.get(i) : "";
                outputs.add(new Outputs(cut(chunk, programs.get(i).markedSteps()), ran.problems()));
            }
            return outputs;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    /** Runs each program file given in a fresh namespace, a mark line before each. */
    private static final String DRIVER = String.join("\n",
            "import sys",
            "for path in sys.argv[1:]:",
            "    print('\\x1d', flush=True)",
            "    namespace = {'__name__': '__main__'}",
            "    with open(path, encoding='utf-8') as source:",
            "        code = compile(source.read(), path, 'exec')",
            "    try:",
            "        exec(code, namespace)",
            "    except BaseException as error:",
            "        print(path + ': ' + type(error).__name__ + ': ' + str(error), file=sys.stderr, flush=True)",
            "    namespace.clear()",
            "");
    private static final String PROGRAM_MARK = "\u001d";

    /** What a python3 process printed, and what went wrong. */
    private record Ran(String stdout, List<TranscriptResult.Problem> problems) {
    }

    /** Runs {@code source} with {@code arguments} and the step marks on, for at most {@code seconds}. */
    private static Ran execute(String source, List<String> arguments, double seconds) throws IOException {
        List<TranscriptResult.Problem> problems = new ArrayList<>();
        Path folder = Files.createTempDirectory("sockshell-python-");
        try {
            Path program = folder.resolve("program.py");
            Path output = folder.resolve("output.txt");
            Path errors = folder.resolve("errors.txt");
            Files.writeString(program, source, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(command(), "-X", "utf8", program.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().put(PythonExport.MARKS_VARIABLE, "1");
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            Process process = ProcessStarts.start(builder);
            try {
                if (!process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
                    problems.add(new TranscriptResult.Problem(0, command() + " did not finish the exported program within "
                            + seconds + " s, so it was stopped (its output so far is compared)"));
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                problems.add(new TranscriptResult.Problem(0, "interrupted while " + command() + " ran the program"));
            }
            String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
            if (!stderr.isEmpty()) {
                problems.add(new TranscriptResult.Problem(0, command() + " wrote to standard error: "
                        + stderr.lines().reduce((first, second) -> second).orElse("")));
            }
            return new Ran(Files.readString(output, StandardCharsets.UTF_8), problems);
        } finally {
            delete(folder);
        }
    }

    /** The output after each mark, given to the step the mark starts. */
    static Map<Integer, String> cut(String output, List<Integer> steps) {
        Map<Integer, String> byStep = new HashMap<>();
        int index = -1;
        StringBuilder current = new StringBuilder();
        for (String line : TranscriptRunner.lines(output)) {
            if (line.equals(PythonExport.STEP_MARK)) {
                if (index >= 0) {
                    byStep.put(steps.get(index), current.toString());
                }
                index++;
                current.setLength(0);
            } else if (index >= 0) {
                current.append(line).append('\n');
            }
        }
        if (index >= 0 && index < steps.size()) {
            byStep.put(steps.get(index), current.toString());
        }
        return byStep;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A temporary folder left behind costs nothing; the judgement stands.
        }
    }
}
