package io.sockshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.support.ShellDriver;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sockets} with many connections in the session: every one gets its kernel columns from
 * one read of each table, and the time per listing is printed beside the same listing without
 * the kernel's columns and {@code ss -tn} for the same connections, measured in the same run
 * (a measurement, not an assertion), with the processor time the shell's thread spent on each
 * listing, which a busy machine changes less. {@code -Dsockshell.kernel.scale.connections=5000} measures
 * a session of 10,000 sockets.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KernelListingScaleTest {
    private static final int CONNECTIONS = Integer.getInteger("sockshell.kernel.scale.connections", 1_000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int LISTINGS = Integer.getInteger("sockshell.kernel.scale.listings", 7);

    private final ShellDriver shell = new ShellDriver();

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void everyConnectionGetsItsRowFromOneReadOfTheTables() throws Exception {
        assumeTrue(KernelFiles.standard().notLinux().isEmpty(), "the kernel's tables are Linux's");
        shell.ok("socket s", "bind s 127.0.0.1 0", "listen s 16");
        for (int i = 0; i < CONNECTIONS; i++) {
            shell.ok("socket c" + i, "connect c" + i + " 127.0.0.1 s.port");
            shell.value("accept s a" + i);
        }
        shell.session().width(200);
        String listing = shell.ok("sockets");
        long established = listing.lines().filter(line -> line.contains(" ESTABLISHED ")).count();
        assertEquals(2L * CONNECTIONS, established, "each end of each connection shows ESTABLISHED");

        List<Long> withKernel = new ArrayList<>();
        List<Long> withKernelCpu = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        List<Long> withoutCpu = new ArrayList<>();
        List<Long> ss = new ArrayList<>();
        String filter = "( sport = :" + shell.port("s") + " or dport = :" + shell.port("s") + " )";
        for (int run = 0; run < LISTINGS; run++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            withKernel.add(timed(() -> shell.ok("sockets")));
            withKernelCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
            cpu = THREADS.getCurrentThreadCpuTime();
            without.add(timed(() -> shell.ok("sockets --no-kernel")));
            withoutCpu.add(THREADS.getCurrentThreadCpuTime() - cpu);
            ss.add(timed(() -> runSs(filter)));
        }
        System.out.printf("kernel/scale: %d connections (%d sockets): sockets %.1f ms (processor %.1f ms), "
                + "sockets --no-kernel %.1f ms (processor %.1f ms), ss -tn %.1f ms (median of %d listings each)%n",
                CONNECTIONS, 2 * CONNECTIONS + 1, median(withKernel), median(withKernelCpu), median(without),
                median(withoutCpu), median(ss), LISTINGS);
    }

    private static void runSs(String filter) {
        try {
            Process process = new ProcessBuilder("ss", "-tnH", filter).redirectErrorStream(true)
                    .redirectOutput(new File("/dev/null")).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "ss did not finish");
            assertEquals(0, process.exitValue());
        } catch (Exception e) {
            throw new AssertionError("ss could not run", e);
        }
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
