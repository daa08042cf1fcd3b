package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.engine.SocketBackends;
import io.sockshell.export.PythonExport;
import io.sockshell.export.PythonJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sockshell against CPython on generated sessions ({@link CallSequences}): each session runs in
 * a {@code Session} on the backend in use and, exported, in python3; what each step printed is
 * compared after the ephemeral ports are named in order of appearance. The figure (identical
 * sessions of all) is printed with the seed and the backend. On NIO every difference must be
 * one the README explains ({@link NioLimits}); on any other backend, 99.5% must be identical.
 *
 * <p>{@code -Dsockshell.differential.long=1000} runs that many sessions;
 * {@code -Dsockshell.differential.seed=N} replays a run, {@code -Dsockshell.backend=NAME} picks
 * the backend.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class DifferentialTest {
    private static final int SESSIONS = 200;
    private static final int CALLS = 18;
    /** Sessions per python3 process: its start-up costs more than a session. */
    private static final int BATCH = 100;
    private static final long DEFAULT_SEED = 0x5EED_12L;

    @Test
    void sockshellPrintsWhatCPythonPrints() {
        assumeTrue(PythonJudge.unavailable().isEmpty(), () -> "python3 is needed: " + PythonJudge.unavailable().orElse(""));
        long seed = Long.decode(System.getProperty("sockshell.differential.seed", Long.toString(DEFAULT_SEED)));
        int count = Integer.getInteger("sockshell.differential.long", SESSIONS);
        String backend = SocketBackends.standard().name();
        List<List<String>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(CallSequences.session(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i), CALLS));
        }
        List<CPythonComparison.Difference> differences = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            List<List<String>> batch = sessions.subList(from, Math.min(count, from + BATCH));
            List<PythonExport.Program> programs = batch.stream().map(lines -> PythonExport.ofLines("generated", lines)).toList();
            List<PythonJudge.Outputs> python = PythonJudge.runAll(programs, 300);
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(List.of(), python.get(i).problems(), "python3 failed to run the batch from #" + from);
                CPythonComparison.Difference difference = CPythonComparison.compare(from + i, batch.get(i),
                        CPythonComparison.shell(batch.get(i)), programs.get(i), python.get(i).byStep());
                if (difference != null) {
                    differences.add(difference);
                }
            }
        }
        report(seed, count, backend, differences);
        if (backend.equals("nio")) {
            List<String> unexplained = differences.stream().filter(difference -> NioLimits.explain(difference) == null)
                    .map(difference -> difference.describe(seed)).toList();
            assertEquals(List.of(), unexplained, "differences from CPython that README's NIO list does not explain");
        } else {
            double identical = 1.0 - (double) differences.size() / count;
            assertTrue(identical >= 0.995, String.format(Locale.ROOT, "%.1f%% identical on %s, below 99.5%%",
                    identical * 100, backend));
        }
    }

    private static void report(long seed, int count, String backend, List<CPythonComparison.Difference> differences) {
        System.out.printf(Locale.ROOT, "differential on %s: %d of %d sessions identical to CPython (%.1f%%), seed %d"
                        + " (replay with -Dsockshell.differential.seed=%d -Dsockshell.differential.long=%d)%n",
                backend, count - differences.size(), count, 100.0 * (count - differences.size()) / count, seed, seed, count);
        Map<String, List<CPythonComparison.Difference>> byReason = new TreeMap<>();
        for (CPythonComparison.Difference difference : differences) {
            String reason = backend.equals("nio") ? NioLimits.explain(difference) : null;
            byReason.computeIfAbsent(reason == null ? "unexplained" : reason, unused -> new ArrayList<>()).add(difference);
        }
        byReason.forEach((reason, found) -> {
            System.out.println("  " + found.size() + " x " + reason + ", first: " + found.get(0).describe(seed));
        });
    }
}
