package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.support.FuzzRun;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Generated command lines through the whole shell: splitter, Picocli, converters, data
 * literals and the engine, against real loopback sockets. See {@link FuzzedSession} for the
 * properties checked after every line.
 *
 * <p>The long run: {@code mvn -q -B test -Dtest=CommandLineFuzzTest -Dsockshell.fuzz.long=1000000}.
 *
 * <p>The bound is ten times its usual 15 s: it once ran past 60 s in a suite at load 15 to 20.
 */
@Timeout(150)
class CommandLineFuzzTest {
    private static final int INPUTS = 5_000;
    private static final int PROGRESS_EVERY = 100_000;

    @Test
    void everyLineWorksFailsOrIsRefusedCleanly() {
        fuzz("shell/lines", INPUTS);
    }

    @Test
    @EnabledIfSystemProperty(named = FuzzRun.LONG_RUN_PROPERTY, matches = "\\d+")
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void longRun() {
        fuzz("shell/lines (long run)", FuzzRun.longRunInputs());
    }

    private static void fuzz(String suite, int inputs) {
        FuzzRun run = FuzzRun.start(suite, inputs);
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (FuzzedSession session = new FuzzedSession()) {
            for (int i = 0; i < inputs; i++) {
                session.check(CommandLineFuzzer.line(run.input(i)), run.where(i));
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    System.out.printf("%s: %d lines in %.0f s: %s%n", suite, i + 1, (System.nanoTime() - start) / 1e9,
                            session.figures());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%s: %d lines in %.1f s (%.1f s of CPU on this thread, %.0f lines/s): %s%n", suite, inputs,
                    seconds, cpuSeconds, inputs / seconds, session.figures());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(List.of(), uncaught, "exceptions escaped a thread");
    }
}
