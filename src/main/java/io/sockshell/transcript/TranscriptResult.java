package io.sockshell.transcript;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of running one transcript: each step's output and comparison, what was left
 * open at the end, and the problems that stopped the run. It can say whether the transcript
 * passed, report why not (with {@code file:line}, the step, and a unified diff), and give the
 * text an update would write.
 */
public final class TranscriptResult {
    /** Something that went wrong other than different output, such as a step that overran; line 0 is the whole file. */
    public record Problem(int line, String sentence) {
        /** {@code file:line: sentence}, or {@code file: sentence} for the whole file. */
        public String at(Path file) {
            return file + (line > 0 ? ":" + line : "") + ": " + sentence;
        }
    }

    private final Transcript transcript;
    private final List<StepResult> steps;
    private final boolean anyCommandFailed;
    private final List<String> leftovers;
    private final BlockMatcher.Result leftoversMatch;
    private final List<Problem> problems;
    private final double seconds;

    TranscriptResult(Transcript transcript, List<StepResult> steps, boolean anyCommandFailed, List<String> leftovers,
            BlockMatcher.Result leftoversMatch, List<Problem> problems, double seconds) {
        this.transcript = transcript;
        this.steps = List.copyOf(steps);
        this.anyCommandFailed = anyCommandFailed;
        this.leftovers = leftovers == null ? null : List.copyOf(leftovers);
        this.leftoversMatch = leftoversMatch;
        this.problems = List.copyOf(problems);
        this.seconds = seconds;
    }

    /**
     * Matches outputs another program printed for the transcript's steps (by step number), as
     * a run would match its own: the same patterns, with captures bound as they go. Steps with
     * no output in the map were left out and keep their blocks; what is left open is not
     * compared, as such a program has no table of its sockets to report it.
     */
    public static TranscriptResult ofOutputs(Transcript transcript, Map<Integer, String> outputs, List<Problem> problems,
            double seconds) {
        Map<String, String> captures = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        for (Step step : transcript.steps()) {
            String output = outputs.get(step.number());
            if (output == null) {
                continue;
            }
            List<String> actual = TranscriptRunner.lines(output);
            BlockMatcher.Result match = BlockMatcher.match(step.expected(), actual, captures);
            captures.putAll(match.bindings());
            results.add(new StepResult(step, step.command().fill(captures), actual, match, false));
        }
        LeftoversBlock block = transcript.leftovers();
        List<String> expectedLeft = block == null ? List.of()
                : block.expected().stream().map(ExpectedLine::source).toList();
        return new TranscriptResult(transcript, results, false, expectedLeft,
                new BlockMatcher.Result(true, expectedLeft, Map.of()), problems, seconds);
    }

    public Transcript transcript() {
        return transcript;
    }

    public List<StepResult> steps() {
        return steps;
    }

    /** What was still open when the transcript ended, or null when the run stopped early. */
    public List<String> leftovers() {
        return leftovers;
    }

    public List<Problem> problems() {
        return problems;
    }

    public double seconds() {
        return seconds;
    }

    /** True when every step ran and matched and the leftovers are as expected. */
    public boolean passed() {
        return problems.isEmpty() && steps.stream().allMatch(StepResult::matched) && leftoversMatch != null
                && leftoversMatch.matched();
    }

    /** True when some command reported a failure (which a transcript may well expect). */
    public boolean anyCommandFailed() {
        return anyCommandFailed;
    }

    /**
     * Why the transcript failed: one {@code file:line: sentence} per mismatching step or
     * problem, in file order (the first is the first mismatch), then a unified diff of the file
     * against what it would say if it matched. Empty when it passed.
     */
    public String failureReport() {
        if (passed()) {
            return "";
        }
        String name = transcript.file().toString();
        List<String> report = new ArrayList<>();
        List<Problem> located = new ArrayList<>(problems);
        for (StepResult step : steps) {
            if (!step.matched()) {
                located.add(new Problem(step.line(), "step " + step.step().number() + " (" + step.display()
                        + "): output differs"));
            }
        }
        if (leftoversMatch != null && !leftoversMatch.matched()) {
            LeftoversBlock block = transcript.leftovers();
            located.add(new Problem(block == null ? transcript.lines().size() : block.directiveIndex() + 1,
                    block == null ? "at the end: left open but not listed in a %leftovers block"
                            : "at the end: what is left open differs from the %leftovers block"));
        }
        located.sort((a, b) -> Integer.compare(a.line(), b.line()));
        for (Problem problem : located) {
            report.add(problem.at(transcript.file()));
        }
        List<String> original = transcript.lines();
        List<String> actual = actualLines();
        if (!original.equals(actual)) {
            report.addAll(UnifiedDiffUtils.generateUnifiedDiff(name + " (expected)", name + " (actual)", original,
                    DiffUtils.diff(original, actual), 2));
        }
        return String.join("\n", report);
    }

    /**
     * The file as it would read if it matched this run: each step's block rewritten to keep
     * every expected line that still matches and to spell out the rest, leftovers likewise.
     * Steps that did not run keep their blocks.
     */
    public String actualText() {
        List<String> lines = actualLines();
        boolean finalNewline = transcript.finalNewline() || lines.size() > transcript.lines().size();
        return String.join("\n", lines) + (finalNewline && !lines.isEmpty() ? "\n" : "");
    }

    private List<String> actualLines() {
        List<String> original = transcript.lines();
        List<String> lines = new ArrayList<>();
        int cursor = 0;
        for (StepResult step : steps) {
            lines.addAll(original.subList(cursor, step.step().expectedFrom()));
            lines.addAll(step.match().rewritten());
            cursor = step.step().expectedTo();
        }
        LeftoversBlock block = transcript.leftovers();
        if (leftoversMatch == null) {
            lines.addAll(original.subList(cursor, original.size()));
        } else if (block != null) {
            if (leftovers.isEmpty()) {
                lines.addAll(original.subList(cursor, block.directiveIndex()));
            } else {
                lines.addAll(original.subList(cursor, block.expectedFrom()));
                lines.addAll(leftoversMatch.rewritten());
            }
            lines.addAll(original.subList(block.expectedTo(), original.size()));
        } else {
            lines.addAll(original.subList(cursor, original.size()));
            if (!leftovers.isEmpty()) {
                if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                    lines.add("");
                }
                lines.add("%leftovers");
                lines.addAll(leftoversMatch.rewritten());
            }
        }
        return lines;
    }

    /**
     * Why this run's {@link #actualText()} must not replace the file, or null when it may: a
     * run that stopped early has no trustworthy output, and a rewrite that no longer parses
     * (a capture whose binding line changed is still used later) would destroy the file.
     */
    public String whyNotUpdatable() {
        if (!problems.isEmpty()) {
            return problems.get(0).at(transcript.file());
        }
        try {
            Transcript.parse(transcript.file(), actualText());
            return null;
        } catch (TranscriptError e) {
            return e.getMessage() + " (after the update, so the file was left as it was; fix that line by hand)";
        }
    }
}
