package io.sockshell.transcript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a transcript: starts its parties, runs the steps in file order, compares each step's
 * output as it goes (captures bound by one step are filled into the next), and at the end
 * lists what is still open and closes it.
 *
 * <p>The steps run on a thread of the transcript's own and each is bounded: when one overruns,
 * the runner cancels it as Ctrl-C would, and if it still does not return, abandons it. Either
 * way the run stops there, so no transcript can hang its caller.
 */
public final class TranscriptRunner {
    /** The bound on one step when neither {@code %timeout} nor the caller sets one. */
    public static final double DEFAULT_STEP_SECONDS = 5.0;
    /** How long a cancelled step gets to return before it is abandoned. */
    private static final long CANCEL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** How often the watchdog looks in while no step is running (between steps, at the end). */
    private static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PartyKinds kinds;
    private final double stepSeconds;

    /** A runner for these party kinds whose steps are bounded by {@code stepSeconds} unless a transcript says otherwise. */
    public TranscriptRunner(PartyKinds kinds, double stepSeconds) {
        this.kinds = kinds;
        this.stepSeconds = stepSeconds;
    }

    /** Told about each step as soon as it has run. */
    @FunctionalInterface
    public interface StepListener {
        void stepDone(StepResult result);
    }

    public TranscriptResult run(Transcript transcript) throws TranscriptError {
        return run(transcript, result -> { });
    }

    public TranscriptResult run(Transcript file, StepListener listener) throws TranscriptError {
        long started = System.nanoTime();
        Transcript transcript = file.on(kinds.backend(), kinds.backends());
        Path fileFolder = writeCarriedFiles(transcript);
        ExecutorService stepper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "transcript " + transcript.file().getFileName());
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Party> parties = new LinkedHashMap<>();
        try {
            startParties(transcript, parties);
            Run run = new Run(transcript, parties, carriedFiles(transcript, fileFolder), listener);
            run.watch(stepper.submit(run::steps));
            return run.result((System.nanoTime() - started) / 1e9);
        } finally {
            for (Party party : parties.values()) {
                party.close();
            }
            stepper.shutdownNow();
            deleteCarriedFiles(fileFolder);
        }
    }

    private void startParties(Transcript transcript, Map<String, Party> parties) throws TranscriptError {
        Path directory = transcript.file().toAbsolutePath().getParent();
        for (PartyDeclaration declaration : transcript.parties().values()) {
            PartyKind kind = kinds.get(declaration.kind());
            if (kind == null) {
                throw new TranscriptError(transcript.file(), declaration.line(), "unknown party kind '"
                        + declaration.kind() + "' (known: " + String.join(", ", kinds.names()) + ")");
            }
            try {
                parties.put(declaration.name(), kind.start(declaration.name(), declaration.arguments(), directory));
            } catch (PartyKind.PartyStartException e) {
                throw new TranscriptError(transcript.file(), declaration.line(), "party '" + declaration.name()
                        + "' cannot start: " + e.getMessage());
            }
        }
    }

    /**
     * One run. The steps run one after another on the stepper thread; the caller's thread is
     * the watchdog, which sleeps until the running step's deadline and only then acts, so a
     * step costs no thread hand-off. The clock fields say which step runs and until when;
     * both threads change them only while holding {@code clock}, so a cancel can only ever
     * reach the step it was meant for.
     */
    private final class Run {
        final Transcript transcript;
        final Map<String, Party> parties;
        final Map<String, Path> files;
        final StepListener listener;
        final Map<String, String> captures = new HashMap<>();
        final List<StepResult> results = Collections.synchronizedList(new ArrayList<>());
        /**
         * How many of {@code results} reported a failure, kept as they are added (under the
         * list's lock): a look through 20,000 results at the end cost milliseconds.
         */
        int failedSteps;
        final List<TranscriptResult.Problem> problems = Collections.synchronizedList(new ArrayList<>());
        volatile List<String> leftovers;
        volatile BlockMatcher.Result leftoversMatch;

        final Object clock = new Object();
        Step running;
        Party runningParty;
        long deadline;
        long cancelledAt;
        boolean cancelled;

        Run(Transcript transcript, Map<String, Party> parties, Map<String, Path> files, StepListener listener) {
            this.transcript = transcript;
            this.parties = parties;
            this.files = files;
            this.listener = listener;
        }

        void steps() {
            for (Step step : transcript.steps()) {
                if (!step(step)) {
                    return;
                }
            }
            List<String> left = new ArrayList<>();
            for (Map.Entry<String, Party> party : parties.entrySet()) {
                for (String open : party.getValue().leftovers()) {
                    left.add(party.getKey() + ": " + open);
                }
            }
            LeftoversBlock block = transcript.leftovers();
            leftoversMatch = BlockMatcher.match(block == null ? List.of() : block.expected(), left, captures);
            leftovers = left;
        }

        /** Runs one step; returns false when the run cannot go on. */
        private boolean step(Step step) {
            Set<String> uses = step.command().uses();
            List<String> unbound = uses.isEmpty() ? List.of()
                    : uses.stream().filter(name -> !captures.containsKey(name)).toList();
            if (!unbound.isEmpty()) {
                problems.add(new TranscriptResult.Problem(step.line(), "step " + step.number() + " (" + step.display()
                        + ") was not run: capture [[" + unbound.get(0) + "]] has no value because the line that"
                        + " binds it did not match"));
                return false;
            }
            String command = step.command().fill(captures);
            Party party = parties.get(step.party());
            double bound = boundOf(step);
            synchronized (clock) {
                running = step;
                runningParty = party;
                deadline = System.nanoTime() + (long) (bound * 1e9);
                cancelled = false;
            }
            Party.Output output;
            boolean overran;
            try {
                String input = FileReferences.rewrite(command, files);
                output = step.interrupted() ? party.executeInterruptedWhenBlocked(input) : party.execute(input);
            } catch (UnsupportedOperationException e) {
                problems.add(new TranscriptResult.Problem(step.line(), "step " + step.number() + " (" + step.display()
                        + ") has %interrupt above it, but " + e.getMessage() + "; the run stops here"));
                return false;
            } finally {
                synchronized (clock) {
                    overran = cancelled;
                    running = null;
                    runningParty = null;
                }
            }
            List<String> actual = lines(output.text());
            BlockMatcher.Result match = BlockMatcher.match(step.expected(), actual, captures);
            captures.putAll(match.bindings());
            StepResult result = new StepResult(step, command, actual, match, output.failed());
            synchronized (results) {
                results.add(result);
                if (result.failed()) {
                    failedSteps++;
                }
            }
            listener.stepDone(result);
            if (overran) {
                problems.add(new TranscriptResult.Problem(step.line(), "step " + step.number() + " (" + step.display()
                        + ") did not finish within " + seconds(bound) + ", so it was cancelled and the run stops here"
                        + " (a command that waits for another party belongs in the background, with &;"
                        + " a slow one needs a larger %timeout)"));
                return false;
            }
            return true;
        }

        private double boundOf(Step step) {
            return step.timeoutSeconds() > 0 ? step.timeoutSeconds() : stepSeconds;
        }

        /**
         * Waits for the steps to finish. A step past its deadline is cancelled; one that
         * still has not returned after the grace period is abandoned, and the run with it.
         */
        void watch(Future<?> steps) {
            while (true) {
                long wait;
                synchronized (clock) {
                    long now = System.nanoTime();
                    if (running == null) {
                        wait = IDLE_CHECK_NANOS;
                    } else if (!cancelled && now >= deadline) {
                        cancelled = true;
                        cancelledAt = now;
                        runningParty.cancel();
                        wait = CANCEL_GRACE_NANOS;
                    } else if (cancelled && now - cancelledAt >= CANCEL_GRACE_NANOS) {
                        problems.add(new TranscriptResult.Problem(running.line(), "step " + running.number() + " ("
                                + running.display() + ") did not finish within " + seconds(boundOf(running))
                                + " and ignored being cancelled; the run stops here"));
                        return;
                    } else {
                        wait = cancelled ? cancelledAt + CANCEL_GRACE_NANOS - now : deadline - now;
                    }
                }
                try {
                    steps.get(Math.max(wait, 1), TimeUnit.NANOSECONDS);
                    return;
                } catch (TimeoutException e) {
                    // Time to look at the clock again.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.add(new TranscriptResult.Problem(0, "the run was interrupted"));
                    cancelRunning();
                    return;
                } catch (ExecutionException e) {
                    problems.add(new TranscriptResult.Problem(0, "the run crashed: " + e.getCause()));
                    return;
                }
            }
        }

        private void cancelRunning() {
            synchronized (clock) {
                if (running != null) {
                    cancelled = true;
                    runningParty.cancel();
                }
            }
        }

        /** A snapshot: a step abandoned on its thread may still add to the lists afterwards. */
        TranscriptResult result(double seconds) {
            List<StepResult> stepsSoFar;
            boolean anyFailed;
            synchronized (results) {
                stepsSoFar = List.copyOf(results);
                anyFailed = failedSteps > 0;
            }
            List<TranscriptResult.Problem> problemsSoFar;
            synchronized (problems) {
                problemsSoFar = List.copyOf(problems);
            }
            boolean complete = problemsSoFar.isEmpty();
            return new TranscriptResult(transcript, stepsSoFar, anyFailed, complete ? leftovers : null,
                    complete ? leftoversMatch : null, problemsSoFar, seconds);
        }
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " s";
    }

    /**
     * The lines of a step's output, without the final line break: each ends at a {@code \n},
     * less the {@code \r} of a {@code \r\n}. Scanned by hand, as it runs for every step.
     */
    public static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(2);
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                lines.add(text.substring(start));
                break;
            }
            lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
            if (start == text.length()) {
                break;
            }
        }
        return List.copyOf(lines);
    }

    private static Path writeCarriedFiles(Transcript transcript) throws TranscriptError {
        if (transcript.files().isEmpty()) {
            return null;
        }
        try {
            Path folder = Files.createTempDirectory("sockshell-transcript-");
            for (Map.Entry<String, String> file : transcript.files().entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new TranscriptError(transcript.file(), 0, "cannot write its %file blocks to a temporary folder ("
                    + e.getMessage() + ")");
        }
    }

    private static Map<String, Path> carriedFiles(Transcript transcript, Path folder) {
        Map<String, Path> files = new HashMap<>();
        for (String name : transcript.files().keySet()) {
            files.put(name, folder.resolve(name));
        }
        return files;
    }

    private static void deleteCarriedFiles(Path folder) {
        if (folder == null) {
            return;
        }
        try (var contents = Files.list(folder)) {
            for (Path file : contents.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A temporary folder left behind costs nothing; the run's result stands.
        }
    }
}
