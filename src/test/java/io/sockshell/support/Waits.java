package io.sockshell.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Bounded waits on events: futures, and a thread reaching a blocking wait. No sleeping. */
public final class Waits {
    private Waits() {
    }

    /** The future's value, failing the test if it takes longer than {@code bound}. */
    public static <T> T get(Future<T> future, Duration bound) {
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not done within " + bound, e);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until {@code thread}, which is running {@code work}, sits in the engine's wait for a
     * socket (a selector, or posix's poll): a blocking socket call (or wait) that only its peer
     * or a cancel can end. Fails if the
     * work finishes instead, or if the thread does not get there within {@code bound}.
     */
    public static void untilBlocked(Thread thread, Future<?> work, Duration bound) {
        until(thread, work, bound, Waits::blockedInEngineWait);
    }

    private static void until(Thread thread, Future<?> work, Duration bound, Predicate<Thread> blocked) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!blocked.test(thread)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " did not block within " + bound + "; it is at "
                        + Arrays.toString(thread.getStackTrace()));
            }
            try {
                Object result = work.get(5, TimeUnit.MILLISECONDS);
                throw new AssertionError("finished instead of blocking: " + result);
            } catch (TimeoutException stillRunning) {
                continue;
            } catch (ExecutionException e) {
                throw new AssertionError("failed instead of blocking: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Waits until some thread of this JVM sits in the engine's wait for a socket: a blocking
     * socket call made on a thread the test does not hold (a JShell snippet's, say).
     */
    public static void untilSomeThreadBlocked(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(Waits::blockedInEngineWait)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no thread blocked in a socket call within " + bound);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waits until {@code thread} sits in the shell's wait for background jobs. */
    public static void untilBlockedInJobWait(Thread thread, Future<?> work, Duration bound) {
        until(thread, work, bound, Waits::waitingForJobs);
    }

    private static boolean waitingForJobs(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        boolean inLatch = false;
        boolean inJobs = false;
        for (StackTraceElement frame : stack) {
            inLatch |= frame.getClassName().equals("java.util.concurrent.CountDownLatch");
            inJobs |= frame.getClassName().equals("io.sockshell.session.Jobs") && frame.getMethodName().equals("await");
        }
        return inLatch && inJobs;
    }

    private static boolean blockedInEngineWait(Thread thread) {
        return Backends.waitingInEngine(thread.getStackTrace());
    }
}
