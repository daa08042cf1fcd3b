package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.engine.SocketBackends;
import io.sockshell.export.PythonExport;
import io.sockshell.export.PythonJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sockshell against CPython on generated sessions ({@link CallSequences}): each session runs in
 * a {@code Session} on the backend in use and, exported, in python3; what each step printed is
 * compared after the ephemeral ports, and the AF_UNIX abstract names Linux chooses, are named in
 * order of appearance. Every fourth session uses AF_UNIX stream sockets and every eighth
 * AF_UNIX datagram sockets, with paths in a folder of this run's own: one folder for the shell
 * and one, its name as long, for python3 (the two runs must not meet each other's socket files),
 * python3's folder read as the shell's in what it printed. The figure (identical sessions of
 * all, and of each AF_UNIX kind) is printed with the seed and the backend. On NIO every
 * difference must be one the README explains ({@link NioLimits}); on any other backend, 99.5%
 * must be identical.
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

    /** Every how many sessions one uses AF_UNIX stream sockets. */
    private static final int UNIX_EVERY = 4;
    /** Every how many sessions one uses AF_UNIX datagram sockets. */
    private static final int UNIX_DATAGRAM_EVERY = 8;

    @Test
    void sockshellPrintsWhatCPythonPrints(@TempDir Path folder) throws IOException {
        assumeTrue(PythonJudge.unavailable().isEmpty(), () -> "python3 is needed: " + PythonJudge.unavailable().orElse(""));
        long seed = Long.decode(System.getProperty("sockshell.differential.seed", Long.toString(DEFAULT_SEED)));
        int count = Integer.getInteger("sockshell.differential.long", SESSIONS);
        String backend = SocketBackends.standard().name();
        String shellFolder = Files.createDirectory(folder.resolve("sh")).toString();
        String pythonFolder = Files.createDirectory(folder.resolve("py")).toString();
        List<List<String>> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            String prefix = shellFolder + "/" + i + "-";
            sessions.add(isUnix(i) ? CallSequences.unixSession(random, CALLS, prefix)
                    : isUnixDatagram(i) ? CallSequences.unixDatagramSession(random, CALLS, prefix)
                    : CallSequences.session(random, CALLS));
        }
        List<CPythonComparison.Difference> differences = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            List<List<String>> batch = sessions.subList(from, Math.min(count, from + BATCH));
            List<PythonExport.Program> programs = batch.stream().map(lines -> PythonExport.ofLines("generated",
                    lines.stream().map(line -> line.replace(shellFolder, pythonFolder)).toList())).toList();
            List<PythonJudge.Outputs> python = PythonJudge.runAll(programs, 300);
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(List.of(), python.get(i).problems(), "python3 failed to run the batch from #" + from);
                CPythonComparison.Difference difference = CPythonComparison.compare(from + i, batch.get(i),
                        CPythonComparison.shell(batch.get(i)), programs.get(i),
                        replaced(python.get(i).byStep(), pythonFolder, shellFolder));
                if (difference != null) {
                    differences.add(difference);
                }
            }
        }
        report(seed, count, backend, differences);
        reportKind("AF_UNIX stream", DifferentialTest::isUnix, count, differences);
        reportKind("AF_UNIX datagram", DifferentialTest::isUnixDatagram, count, differences);
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

    private static boolean isUnix(int session) {
        return session % UNIX_EVERY == UNIX_EVERY - 1;
    }

    private static boolean isUnixDatagram(int session) {
        return session % UNIX_DATAGRAM_EVERY == 1;
    }

    private static void reportKind(String kind, IntPredicate isKind, int count,
            List<CPythonComparison.Difference> differences) {
        long sessions = IntStream.range(0, count).filter(isKind).count();
        long different = differences.stream().filter(difference -> isKind.test(difference.session())).count();
        System.out.printf(Locale.ROOT, "  of them %s: %d of %d identical%n", kind, sessions - different, sessions);
    }

    private static Map<Integer, String> replaced(Map<Integer, String> outputs, String from, String to) {
        Map<Integer, String> replaced = new TreeMap<>();
        outputs.forEach((step, output) -> replaced.put(step, output.replace(from, to)));
        return replaced;
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
        // Each unexplained one is a bug to look at, so each is named.
        byReason.getOrDefault("unexplained", List.of()).stream().skip(1)
                .forEach(difference -> System.out.println("    also: " + difference.describe(seed)));
    }
}
