package io.sockshell.cli;

import io.sockshell.export.PythonJudge;
import io.sockshell.transcript.TranscriptChecker;
import io.sockshell.transcript.TranscriptRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        description = {"Run transcripts and compare what each command prints with the output written below it.",
            "Folders are searched for *.t files. A mismatch is shown as file:line, the step, and a unified diff.",
            "Independent transcripts run at the same time."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every transcript passed (or was updated)", "1:a transcript failed or is malformed",
            "2:usage error"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Transcript files or folders holding them.")
    List<Path> paths;

    @Option(names = {"-u", "--update"},
            description = "Rewrite the expected output of transcripts that differ, keeping every pattern and capture"
                    + " that still matches. A file that cannot be parsed, or whose run stopped early, is left as it is.")
    boolean update;

    @Mixin
    StepTimeoutOption timeout;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Transcripts run at the same time (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--repeat", paramLabel = "N",
            description = "Check everything N times back to back (a flake check: 50 is a good number); every failure"
                    + " is shown with its diff, and a last line counts the runs that failed.")
    int repeat = 1;

    @Option(names = "--python",
            description = "CPython as the judge: run each transcript's export (sockshell export --python) in python3"
                    + " and match what it prints against the expected output. Transcripts with replay parties are"
                    + " skipped; steps marked %%python skip are left out.")
    boolean python;

    @Option(names = "--busy",
            description = "Keep one more processor busy while checking, as a loaded machine would, to shake out"
                    + " transcripts that depend on timing.")
    boolean busy;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1) {
            err.println("error: --repeat must be at least 1, not " + repeat);
            err.flush();
            return 2;
        }
        if (python && update) {
            err.println("error: --python judges transcripts and cannot --update them");
            err.flush();
            return 2;
        }
        if (python) {
            Optional<String> missing = PythonJudge.unavailable();
            if (missing.isPresent()) {
                err.println("error: --python needs python3: " + missing.get());
                err.flush();
                return 2;
            }
        }
        Thread load = busy ? startBusyThread() : null;
        try {
            if (repeat == 1) {
                return checkOnce(out, err, true);
            }
            int failedRuns = 0;
            for (int run = 1; run <= repeat; run++) {
                out.println("run " + run + " of " + repeat + ":");
                int status = checkOnce(out, err, false);
                if (status == 2) {
                    return 2;
                }
                failedRuns += status;
            }
            out.println(repeat + " runs" + (busy ? " with a processor kept busy" : "") + ": "
                    + (repeat - failedRuns) + " passed, " + failedRuns + " failed");
            out.flush();
            return failedRuns == 0 ? 0 : 1;
        } finally {
            if (load != null) {
                load.interrupt();
            }
        }
    }

    /** Spins until interrupted: the load of another program on the machine. */
    private static Thread startBusyThread() {
        Thread load = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        }, "busy processor (spins until the check is over)");
        load.setDaemon(true);
        load.start();
        return load;
    }

    /** One check of every path; with {@code everyOutcome} off, only failures are printed in full. */
    private int checkOnce(PrintWriter out, PrintWriter err, boolean everyOutcome) throws InterruptedException {
        long started = System.nanoTime();
        int passed = 0;
        int updated = 0;
        int failed = 0;
        int skipped = 0;
        double stepSeconds = timeout.seconds;
        TranscriptChecker.Judge judge = python ? transcript -> PythonJudge.check(transcript, stepSeconds)
                : new TranscriptRunner(Parties.all(), stepSeconds)::run;
        try (TranscriptChecker checker = new TranscriptChecker(judge, update, jobs)) {
            List<Future<TranscriptChecker.Outcome>> outcomes = checker.submitAll(paths);
            if (outcomes.isEmpty()) {
                err.println("error: no transcripts (files ending in .t) in " + paths);
                err.flush();
                return 1;
            }
            for (Future<TranscriptChecker.Outcome> future : outcomes) {
                TranscriptChecker.Outcome outcome = future.get();
                if (everyOutcome || !outcome.status().ok()) {
                    out.println(outcome.describe());
                    out.flush();
                }
                switch (outcome.status()) {
                    case PASSED -> passed++;
                    case UPDATED -> updated++;
                    case SKIPPED -> skipped++;
                    default -> failed++;
                }
            }
        } catch (IOException e) {
            err.println("error: cannot list " + e.getMessage());
            err.flush();
            return 2;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a transcript check crashed", e.getCause());
        }
        out.println(String.format(Locale.ROOT, "%d transcripts: %d passed, %s%d failed%s (%.2f s)",
                passed + updated + failed + skipped, passed, update ? updated + " updated, " : "", failed,
                skipped > 0 ? ", " + skipped + " skipped" : "", (System.nanoTime() - started) / 1e9));
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
