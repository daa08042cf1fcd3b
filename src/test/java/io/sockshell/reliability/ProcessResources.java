package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.support.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The process's open descriptors ({@code /proc/self/fd}) and live threads, and a bounded wait
 * for both to come back to an earlier count: threads started since are joined, then the
 * descriptor count is re-read until it matches or the bound passes. No sleeping.
 */
final class ProcessResources {
    /** Counts at one moment, and the threads alive then. */
    record Counts(int descriptors, int threads, Set<Thread> alive) {
        @Override
        public String toString() {
            return descriptors + " descriptors, " + threads + " threads";
        }
    }

    private ProcessResources() {
    }

    static Counts now() {
        Set<Thread> alive = new HashSet<>(Thread.getAllStackTraces().keySet());
        return new Counts(openDescriptors(), ManagementFactory.getThreadMXBean().getThreadCount(), alive);
    }

    /**
     * The open descriptors, leaving out on posix the backend's wakeup eventfds: a pool that
     * grows to the most waits ever at once and is kept for good (engine.posix.Wakeups says why),
     * so a transcript with more waits at once than any before adds one that is no leak.
     */
    static int openDescriptors() {
        if (!Backends.posix()) {
            try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
                return (int) entries.count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (int) descriptorTargets().stream().filter(target -> !target.endsWith("anon_inode:[eventfd]")).count();
    }

    /**
     * What each open descriptor points at ({@code socket:[123]}, a path, ...), with its number;
     * not the one that lists them.
     */
    static TreeSet<String> descriptorTargets() {
        TreeSet<String> targets = new TreeSet<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            entries.forEach(entry -> {
                try {
                    Path target = Files.readSymbolicLink(entry);
                    if (!target.endsWith("fd")) {
                        targets.add(entry.getFileName() + " -> " + target);
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor that listed the folder itself, or one closed since: not open now.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /**
     * Waits up to {@code bound} for every thread started after {@code start} to end and for
     * the descriptor count to be back at {@code start}'s (or below: something open before may
     * have closed meanwhile); returns the counts then, settled or not.
     */
    static Counts awaitReturnTo(Counts start, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!start.alive().contains(thread) && !jdkPoolThread(thread.getName())) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        // The count that settled is the one returned: reading it again could catch a descriptor
        // the JVM opens for a moment of its own (it reads its cgroup's memory limit, say).
        int descriptors = openDescriptors();
        while (descriptors > start.descriptors() && System.nanoTime() < deadline) {
            Thread.yield();
            descriptors = openDescriptors();
        }
        Counts now = now();
        return new Counts(descriptors, now.threads(), now.alive());
    }

    /**
     * The names of the threads alive at {@code end} that were not at {@code start}: the ones a
     * test left running. (The bare thread count can also fall, when a thread that was running
     * before, such as another test's output reader, ends meanwhile.) The JDK's process reaper
     * threads are not counted: the JDK keeps them in a pool of its own, one per child process
     * at a time, idle for 60 s after their process ends, so a test that started programs after
     * the pool's last thread idled out leaves one behind for a minute, whatever it closed. Nor
     * are the common pool's workers: Process.onExit completes through that pool, whose idle
     * workers also stay for a minute, and a loaded machine makes it start more of them.
     */
    static List<String> threadsStartedSince(Counts start, Counts end) {
        return end.alive().stream().filter(thread -> thread.isAlive() && !start.alive().contains(thread))
                .map(Thread::getName).filter(name -> !jdkPoolThread(name)).sorted()
                .collect(Collectors.toList());
    }

    private static boolean jdkPoolThread(String name) {
        return name.equals(PROCESS_REAPER) || name.startsWith(COMMON_POOL_WORKER);
    }

    /** The names of the threads alive at {@code start} that have ended since: work of an earlier test winding down. */
    private static List<String> threadsEndedSince(Counts start) {
        return start.alive().stream().filter(thread -> !thread.isAlive()).map(Thread::getName).sorted()
                .collect(Collectors.toList());
    }

    /** The name of the JDK's threads that wait for child processes (java.lang.ProcessHandleImpl). */
    private static final String PROCESS_REAPER = "process reaper";
    /** The name of the JDK's common fork-join pool's workers, before their numbers. */
    private static final String COMMON_POOL_WORKER = "ForkJoinPool.commonPool-worker-";

    /**
     * Runs {@code rounds} once to warm up (classes, pools the JDK keeps), then three times more,
     * and checks that the descriptors and threads came back to what they were between the two.
     */
    static void assertRoundsGiveBack(String what, IntConsumer rounds, Duration settle) throws InterruptedException {
        rounds.accept(1);
        Counts start = now();
        TreeSet<String> targetsAtStart = descriptorTargets();
        rounds.accept(3);
        Counts end = awaitReturnTo(start, settle);
        System.out.printf("leaks/%s: descriptors %d at start, %d at the end; threads %d, %d%n",
                what, start.descriptors(), end.descriptors(), start.threads(), end.threads());
        if (end.descriptors() > start.descriptors()) {
            TreeSet<String> added = descriptorTargets();
            added.removeAll(targetsAtStart);
            fail("descriptors leaked: " + end + " (" + start + " at start); open now and not then: " + added
                    + "; threads that ended meanwhile: " + threadsEndedSince(start));
        }
        assertEquals(List.of(), threadsStartedSince(start, end), "threads leaked");
    }
}
