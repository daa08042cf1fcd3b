package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.support.Backends;
import io.sockshell.support.ShellDriver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command line run on its own thread, as the terminal's foreground, so the test can act
 * while it blocks: wait until it is really waiting in the engine, then unblock or cancel it
 * and collect its outcome. Every wait is bounded.
 */
final class BlockedCall {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Thread thread;
    private final AtomicReference<ShellDriver.Result> outcome = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private BlockedCall(ShellDriver shell, String line) {
        thread = new Thread(() -> {
            try {
                outcome.set(shell.run(line));
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "foreground: " + line);
        thread.setDaemon(true);
    }

    /** Starts {@code line} and returns once it is blocked waiting for its socket. */
    static BlockedCall start(ShellDriver shell, String line) {
        BlockedCall call = new BlockedCall(shell, line);
        call.thread.start();
        awaitWaitingInEngine(call.thread);
        return call;
    }

    /** The line's outcome, once it has returned. */
    ShellDriver.Result outcome() throws InterruptedException {
        thread.join(BOUND.toMillis());
        if (thread.isAlive()) {
            fail(thread.getName() + " still blocked after " + BOUND.toSeconds() + " s");
        }
        if (failure.get() != null) {
            throw new AssertionError(thread.getName() + " threw", failure.get());
        }
        return outcome.get();
    }

    /**
     * Waits until {@code thread} is parked in the engine's wait for a socket (a selector's, or
     * posix's poll), where every blocking call of the engine waits; fails if it is not there
     * within the bound.
     */
    static void awaitWaitingInEngine(Thread thread) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!isWaitingInEngine(thread)) {
            if (!thread.isAlive()) {
                fail(thread.getName() + " returned instead of blocking");
            }
            if (System.nanoTime() > deadline) {
                fail(thread.getName() + " did not block within " + BOUND.toSeconds() + " s");
            }
            Thread.yield();
        }
    }

    /** The background job thread the session runs job {@code id} on. */
    static Thread jobThread(int id) {
        String name = "sockshell-job-" + id;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    private static boolean isWaitingInEngine(Thread thread) {
        return Backends.waitingInEngine(thread.getStackTrace());
    }
}
