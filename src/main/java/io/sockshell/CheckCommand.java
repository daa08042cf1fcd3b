package io.sockshell;

import io.sockshell.transcript.PartyKinds;
import io.sockshell.transcript.TranscriptChecker;
import io.sockshell.transcript.TranscriptRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
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

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Bound on each step (default: ${DEFAULT-VALUE}); a %%timeout line in a transcript overrides it.")
    double timeout = TranscriptRunner.DEFAULT_STEP_SECONDS;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Transcripts run at the same time (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        int passed = 0;
        int updated = 0;
        int failed = 0;
        try (TranscriptChecker checker = new TranscriptChecker(
                new TranscriptRunner(PartyKinds.standard(), timeout), update, jobs)) {
            List<Future<TranscriptChecker.Outcome>> outcomes = checker.submitAll(paths);
            if (outcomes.isEmpty()) {
                err.println("error: no transcripts (files ending in .t) in " + paths);
                err.flush();
                return 1;
            }
            for (Future<TranscriptChecker.Outcome> future : outcomes) {
                TranscriptChecker.Outcome outcome = future.get();
                out.println(outcome.describe());
                out.flush();
                switch (outcome.status()) {
                    case PASSED -> passed++;
                    case UPDATED -> updated++;
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
        out.println(String.format(Locale.ROOT, "%d transcripts: %d passed, %s%d failed (%.2f s)",
                passed + updated + failed, passed, update ? updated + " updated, " : "", failed,
                (System.nanoTime() - started) / 1e9));
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
