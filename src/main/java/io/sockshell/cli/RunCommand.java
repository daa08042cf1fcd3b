package io.sockshell.cli;

import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run",
        description = {"Run a script or a transcript and show each command after its prompt, then what it printed.",
            "A transcript's expected output is ignored (check compares it); a file with no prompts is a plain",
            "script with one command a line. Unlike 'sockshell < FILE', it runs on after a failing command."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every command worked", "1:a command failed, or a step overran its bound",
            "2:the file cannot be read or is malformed"})
final class RunCommand implements Callable<Integer> {
    private static final int OUTPUT_BUFFER_CHARS = 1 << 16;
    private static final long FLUSH_MILLIS = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The script or transcript.")
    Path file;

    @Mixin
    StepTimeoutOption timeout;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        // A write per step would cost more than the step itself; what the steps print is
        // buffered and flushed a few times a second, so a slow step still shows what came before.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), OUTPUT_BUFFER_CHARS));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run output");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(out::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        // Each step's lines go to the writer in one piece: every print takes its lock and goes
        // through each of its layers, which costs more than putting the piece together.
        StringBuilder shown = new StringBuilder();
        String newline = System.lineSeparator();
        TranscriptResult result;
        try {
            Transcript transcript = Transcript.read(file);
            result = new TranscriptRunner(Parties.all(), timeout.seconds).run(transcript, step -> {
                shown.setLength(0);
                shown.append(step.party()).append("> ").append(step.command()).append(newline);
                for (String line : step.actual()) {
                    shown.append(line).append(newline);
                }
                out.append(shown);
            });
        } catch (TranscriptError e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            flusher.shutdownNow();
            out.flush();
        }
        for (TranscriptResult.Problem problem : result.problems()) {
            err.println(problem.at(file));
        }
        if (result.leftovers() != null) {
            for (String left : result.leftovers()) {
                err.println("note: at the end, " + left + "; closed it");
            }
        }
        err.flush();
        return result.problems().isEmpty() && !result.anyCommandFailed() ? 0 : 1;
    }
}
