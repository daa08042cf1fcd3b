package io.sockshell.session;

import io.sockshell.command.ShellContext;
import io.sockshell.engine.CancelSignal;
import io.sockshell.kernel.Tasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Background commands. Each runs on its own thread with its own {@link CancelSignal} and
 * writes into its own buffer; its report is printed at once (interactive shell) or at the next
 * {@code wait} (scripts), so a script's output never depends on thread timing.
 */
final class Jobs implements ShellContext.JobControl {
    private final Map<Integer, Job> jobs = new TreeMap<>();
    private int nextId = 1;
    private volatile Consumer<String> immediateReporter;
    private volatile Consumer<String> immediateViewer;
    private final Tasks tasks;

    Jobs(Tasks tasks) {
        this.tasks = tasks;
    }

    private static final class Job {
        final int id;
        final String text;
        final CancelSignal signal = new CancelSignal();
        final StringWriter buffer = new StringWriter();
        /** The system calls the job made, which its report shows before its result, as they came before it. */
        final StringWriter traced = new StringWriter();
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean reported;
        /** The job's thread as the kernel shows it ({@code /proc/self/task/TID}), once it has started; null where there is none. */
        volatile Path task;
        volatile boolean started;

        Job(int id, String text) {
            this.id = id;
            this.text = text;
        }

        boolean finished() {
            return done.getCount() == 0;
        }

        /**
         * The report, once: the output is let go as it is handed over, so a long session keeps
         * no job's output after printing it.
         */
        String takeReport() {
            String report = report();
            for (StringWriter writer : List.of(traced, buffer)) {
                StringBuffer text = writer.getBuffer();
                text.setLength(0);
                text.trimToSize();
            }
            return report;
        }

        /** The report, left in place for the {@code wait} that takes it. */
        String report() {
            String calls = traced.toString().stripTrailing();
            String shown = buffer.toString().stripTrailing();
            return (calls.isEmpty() ? "" : calls + "\n") + "[" + id + "] done: " + text
                    + (shown.isEmpty() ? "" : "\n" + shown);
        }
    }

    /** Reports finished jobs through {@code reporter} as they finish; null keeps them for wait. */
    void reportImmediately(Consumer<String> reporter) {
        this.immediateReporter = reporter;
        this.immediateViewer = null;
    }

    /**
     * Shows each finished job's report to {@code viewer} as it finishes, and still keeps it for
     * the {@code wait} that reports it (a recording shows the person what a script would only
     * show at wait). Null shows nothing.
     */
    void showImmediately(Consumer<String> viewer) {
        this.immediateViewer = viewer;
        this.immediateReporter = null;
    }

    /** A job's work: it prints its results to {@code out} and its trace to {@code trace}, and returns its exit status. */
    @FunctionalInterface
    interface Body {
        int run(PrintWriter out, PrintWriter trace);
    }

    /** Starts {@code body} in the background. Returns the job's number. */
    synchronized int start(String text, Body body) {
        Job job = new Job(nextId++, text);
        jobs.put(job.id, job);
        Thread thread = new Thread(() -> {
            job.task = tasks.currentTask();
            job.started = true;
            CancelSignal.install(job.signal);
            PrintWriter writer = new PrintWriter(job.buffer, true);
            PrintWriter trace = new PrintWriter(job.traced, true);
            try {
                body.run(writer, trace);
            } finally {
                writer.flush();
                trace.flush();
                job.done.countDown();
                Consumer<String> reporter = immediateReporter;
                Consumer<String> viewer = immediateViewer;
                if (reporter != null && claim(job)) {
                    reporter.accept(job.takeReport());
                } else if (viewer != null) {
                    viewer.accept(job.report());
                }
            }
        }, "sockshell-job-" + job.id);
        thread.setDaemon(true);
        thread.start();
        return job.id;
    }

    @Override
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (!job.reported) {
                lines.add(String.format("[%d] %-8s %s", job.id, job.finished() ? "done" : "running", job.text));
            }
        }
        return lines;
    }

    @Override
    public List<Integer> await(List<Integer> ids, Double timeoutSeconds, Consumer<String> report)
            throws InterruptedException, ShellContext.UnknownJob {
        List<Job> chosen = choose(ids);
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE
                : System.nanoTime() + (long) (timeoutSeconds * 1e9);
        CancelSignal signal = CancelSignal.current();
        List<Integer> running = new ArrayList<>();
        try {
            for (Job job : chosen) {
                while (!job.finished()) {
                    // Blocked now: a wait like a socket's, so that a cancel meant for a wait (Ctrl-C
                    // once it blocks) finds it; the latch cannot be woken, so the loop looks at the
                    // signal every 50 ms.
                    signal.waitingOn(() -> { });
                    if (signal.isCancelled()) {
                        throw new InterruptedException();
                    }
                    long left = deadline == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(50)
                            : deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    job.done.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                }
                if (!job.finished()) {
                    running.add(job.id);
                }
            }
        } finally {
            signal.waitingOn(null);
        }
        for (Job job : chosen) {
            if (job.finished() && claim(job)) {
                report.accept(job.takeReport());
            }
        }
        return running;
    }

    private synchronized boolean claim(Job job) {
        if (job.reported) {
            return false;
        }
        job.reported = true;
        return true;
    }

    private synchronized List<Job> choose(List<Integer> ids) throws ShellContext.UnknownJob {
        if (ids.isEmpty()) {
            return new ArrayList<>(jobs.values());
        }
        List<Job> chosen = new ArrayList<>();
        for (int id : ids) {
            Job job = jobs.get(id);
            if (job == null) {
                throw new ShellContext.UnknownJob(id);
            }
            chosen.add(job);
        }
        return chosen;
    }

    @Override
    public synchronized void cancel(int id) throws ShellContext.UnknownJob {
        Job job = jobs.get(id);
        if (job == null) {
            throw new ShellContext.UnknownJob(id);
        }
        job.signal.cancel();
    }

    @Override
    public synchronized List<Integer> finished() {
        List<Integer> ids = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (job.finished() && !job.reported) {
                ids.add(job.id);
            }
        }
        return ids;
    }

    /** Jobs still running, as {@code [1] recv conn 1024}. */
    synchronized List<String> running() {
        List<String> lines = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (!job.finished()) {
                lines.add("[" + job.id + "] " + job.text);
            }
        }
        return lines;
    }

    /**
     * Whether every job is done or asleep in a wait for its sockets, as the kernel shows its
     * thread: then none is about to change what the kernel holds (a job woken by data is
     * runnable the moment the data comes). A job whose thread the kernel does not show (no
     * {@code /proc}) counts as asleep once it waits, by its own word.
     */
    synchronized boolean quiet() {
        for (Job job : jobs.values()) {
            if (job.finished()) {
                continue;
            }
            if (!job.started || job.signal.waitingFor() == 0) {
                return false;
            }
            if (job.task != null && !tasks.asleepInPoll(job.task)) {
                return false;
            }
        }
        return true;
    }

    /** Cancels every job and waits a bounded time for each to end. */
    void cancelAll(long waitMillis) {
        List<Job> all;
        synchronized (this) {
            all = new ArrayList<>(jobs.values());
        }
        for (Job job : all) {
            job.signal.cancel();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (Job job : all) {
            try {
                job.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
