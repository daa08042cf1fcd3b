package io.sockshell.replay;

import io.sockshell.conversation.Recorder;
import io.sockshell.py.conductor.Conductor;
import io.sockshell.py.runtime.KeyboardLines;
import io.sockshell.recording.PartyRecording;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Replays one script, or several against each other. One script runs as it would in jshell,
 * its waits real. Several take turns under a {@link Conductor}, which keeps their output in
 * the same order on every run. A watchdog stops a replay in which nothing has happened for
 * {@link Settings#waitSeconds()}, so no replay can hang.
 */
public final class Replay {
    /** Time given to programs to wind down once stopped, before the replay gives up on them. */
    private static final long STOP_GRACE_SECONDS = 5;
    /**
     * How long bytes or a connection that one program sent may take to reach another over
     * loopback, where they take microseconds: running out means something broke.
     */
    private static final double DELIVERY_SECONDS = 10;
    /** How many --wait windows a busy program may go without getting anywhere. */
    private static final long BUSY_WINDOWS = 10;

    /**
     * @param stepping pause before each snippet
     * @param stablePorts show port numbers as names, so output is the same on every run
     * @param color colour the output for a terminal
     * @param waitSeconds how long nothing may happen before the replay stops; 0 waits for ever
     * @param input keyboard lines, each {@code LINE} or {@code LABEL:LINE} to give it to one program
     */
    public record Settings(boolean stepping, boolean stablePorts, boolean color, double waitSeconds, List<String> input) {
    }

    /** One script to replay and the arguments its {@code sys.argv} gets. */
    public record ScriptCall(Path script, List<String> arguments) {
    }

    private final Settings settings;
    private final List<ScriptCall> calls;
    private final BufferedReader in;
    private final boolean inputIsTerminal;
    private final PrintWriter out;
    private final AtomicInteger personWaits = new AtomicInteger();
    private final PortNames ports;
    private Conductor conductor;
    private volatile List<ProgramRun> running = List.of();
    private volatile String stopReason;
    private boolean serversLeftWaiting;
    private Recorder recorder;

    /**
     * @param in keyboard and step answers
     * @param inputIsTerminal whether a person types {@code in}; otherwise what it gives is echoed
     */
    public Replay(Settings settings, List<ScriptCall> calls, BufferedReader in, boolean inputIsTerminal,
            PrintWriter out) {
        this(settings, calls, in, inputIsTerminal, out, port -> { });
    }

    /**
     * As above; {@code serverPorts} hears of each port a replayed server listens on, so that a
     * program outside the replay can be pointed at it.
     */
    public Replay(Settings settings, List<ScriptCall> calls, BufferedReader in, boolean inputIsTerminal,
            PrintWriter out, IntConsumer serverPorts) {
        this.settings = settings;
        this.calls = List.copyOf(calls);
        this.in = in;
        this.inputIsTerminal = inputIsTerminal;
        this.out = out;
        this.ports = new PortNames(settings.stablePorts(), serverPorts);
    }

    /** Records the programs' socket calls into {@code target}, each program a party named by its label. */
    public Replay recordInto(Recorder target) {
        recorder = target;
        return this;
    }

    /** Runs the replay; 0 if every program ended well, 1 if one failed or had to be stopped. */
    public int run() {
        for (ScriptCall call : calls) {
            if (!Files.isRegularFile(call.script())) {
                throw new ReplayException(call.script() + ": no such script");
            }
        }
        List<String> labels = labels();
        ReplayOutput output = new ReplayOutput(out, settings.color(), ports, labels);
        KeyboardLines keyboard = person();
        Stepper stepper = new Stepper(keyboard, out, settings.stepping());
        if (calls.size() > 1) {
            conductor = new Conductor(keyLines(labels), DELIVERY_SECONDS);
        }
        List<ProgramRun> runs = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ScriptCall call = calls.get(i);
            String label = labels.get(i);
            Conductor.Side side = conductor == null ? null : conductor.join(label);
            KeyboardLines programKeyboard = conductor == null ? KeyboardLines.scripted(linesFor(label), keyboard) : keyboard;
            PartyRecording recording = null;
            if (recorder != null) {
                recording = new PartyRecording(label);
                recording.into(recorder, label);
            }
            runs.add(new ProgramRun(label, call.script(), call.arguments(), output.channel(label, i), stepper,
                    side, programKeyboard, ports, calls.size() == 1, this::failed, recording));
        }
        running = List.copyOf(runs);
        CountDownLatch ended = new CountDownLatch(runs.size());
        List<Thread> threads = new ArrayList<>();
        for (ProgramRun run : runs) {
            Thread thread = new Thread(() -> {
                try {
                    run.run();
                } finally {
                    ended.countDown();
                }
            }, "replay " + run.label());
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        if (conductor != null) {
            conductor.begin();
        }
        boolean allEnded = watch(runs, ended) && joined(threads);
        serversLeftWaiting = serversLeftWaiting(runs);
        reportStopped(runs, output);
        if (!allEnded) {
            for (ProgramRun run : runs) {
                if (run.result() == ProgramRun.Result.RUNNING) {
                    output.line("replay: " + run.where() + " could not be stopped within " + STOP_GRACE_SECONDS + " s");
                }
            }
            return 1;
        }
        return status(runs);
    }

    /**
     * Waits for the programs. Stops them all when every one of them has waited (in a socket
     * call, or for its turn) for the whole window with nothing happening, or when they have
     * got nowhere for {@link #BUSY_WINDOWS} windows, busy or not (a snippet looping for ever).
     * Returns false if they would not end.
     */
    private boolean watch(List<ProgramRun> runs, CountDownLatch ended) {
        if (settings.waitSeconds() <= 0) {
            return awaitForever(ended);
        }
        long window = (long) (settings.waitSeconds() * 1e9);
        long lastProgress = progress(runs);
        long lastChange = System.nanoTime();
        try {
            while (!ended.await(nextCheck(runs, lastChange, window), TimeUnit.NANOSECONDS)) {
                long now = System.nanoTime();
                long progress = progress(runs);
                if (progress != lastProgress || personWaits.get() > 0) {
                    lastProgress = progress;
                    lastChange = now;
                } else if (now - quietSince(runs, lastChange) >= window) {
                    stopAll(runs, "nothing happened for " + seconds(settings.waitSeconds())
                            + " (--wait to wait longer)");
                    return awaitStopped(runs, ended);
                } else if (now - lastChange >= BUSY_WINDOWS * window) {
                    stopAll(runs, "no snippet finished and no call returned for "
                            + seconds(BUSY_WINDOWS * settings.waitSeconds()));
                    return awaitStopped(runs, ended);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(runs, "the replay was interrupted");
            return false;
        }
    }

    /**
     * Gives stopped programs time to end their socket waits and close what they hold; a
     * program still running after that is busy in plain Java code, which only JShell's own
     * stop reaches (it may kill the thread wherever it is, so it comes last).
     */
    private static boolean awaitStopped(List<ProgramRun> runs, CountDownLatch ended) throws InterruptedException {
        if (ended.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            return true;
        }
        for (ProgramRun run : runs) {
            run.stopJava();
        }
        return ended.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean awaitForever(CountDownLatch ended) {
        try {
            ended.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Since when every program still running has been waiting, and nothing has happened; a time
     * in the future when one of them is busy, which puts off the stop.
     */
    private static long quietSince(List<ProgramRun> runs, long lastChange) {
        long since = lastChange;
        for (ProgramRun run : runs) {
            if (run.result() != ProgramRun.Result.RUNNING) {
                continue;
            }
            long waiting = run.waitingSince();
            if (waiting < 0) {
                return Long.MAX_VALUE;
            }
            since = Math.max(since, waiting);
        }
        return since;
    }

    /** How long to wait before looking again: until the quiet window could be over. */
    private static long nextCheck(List<ProgramRun> runs, long lastChange, long window) {
        long quiet = quietSince(runs, lastChange);
        long left = quiet == Long.MAX_VALUE ? window : quiet + window - System.nanoTime();
        return Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(window, left));
    }

    /** Waits for the threads that counted down to be gone, so nothing outlives the replay. */
    private static boolean joined(List<Thread> threads) {
        try {
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Stops a running replay from another thread, as a person pressing Ctrl-C would want. */
    public void stop(String reason) {
        stopAll(running, reason);
    }

    private long progress(List<ProgramRun> runs) {
        long total = conductor == null ? 0 : conductor.turns();
        for (ProgramRun run : runs) {
            total += run.progress();
        }
        return total;
    }

    private void stopAll(List<ProgramRun> runs, String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        if (conductor != null) {
            conductor.abort(reason);
        }
        for (ProgramRun run : runs) {
            run.stop();
        }
    }

    /** A program failed or the person quit: the others stop where they are. */
    private void failed(ProgramRun run) {
        String reason = run.result() == ProgramRun.Result.QUIT ? "quit at " + run.where()
                : run.label() + " failed at " + run.where();
        if (stopReason == null) {
            stopReason = reason;
        }
        if (conductor != null) {
            conductor.abort(reason);
        }
    }

    /** Tells, in program order, where each stopped program was and what it had left open. */
    private void reportStopped(List<ProgramRun> runs, ReplayOutput output) {
        for (ProgramRun run : runs) {
            if (run.result() != ProgramRun.Result.STOPPED && run.result() != ProgramRun.Result.NOT_STARTED) {
                continue;
            }
            ReplayOutput.Channel channel = run.channel();
            if (run.result() == ProgramRun.Result.NOT_STARTED) {
                channel.note("did not start: " + reason(run));
                continue;
            }
            channel.note("stopped at " + run.where() + waitText(run) + ": " + reason(run));
            for (String socket : run.leftOpen()) {
                channel.note("left open, closed as the system does when a program exits: " + socket);
            }
        }
    }

    private String waitText(ProgramRun run) {
        String waiting = run.side() != null ? run.side().waitingFor() : null;
        if (waiting == null && run.stoppedDuring() != null) {
            waiting = run.stoppedDuring() + " waits";
        }
        return waiting == null ? "" : ", where " + waiting;
    }

    private String reason(ProgramRun run) {
        if (conductor != null && conductor.outcome() == Conductor.Outcome.STUCK) {
            return serversLeftWaiting ? "every other program has ended, so no client will come"
                    : "no program can go on";
        }
        if (conductor != null && conductor.abortReason() != null) {
            return conductor.abortReason();
        }
        return stopReason != null ? stopReason : "stopped";
    }

    /**
     * Whether the replay ended the normal way for a server that serves for ever: every other
     * program finished, and the ones left wait in {@code accept()} for a client that will not come.
     */
    private boolean serversLeftWaiting(List<ProgramRun> runs) {
        if (conductor == null || conductor.outcome() != Conductor.Outcome.STUCK) {
            return false;
        }
        for (ProgramRun run : runs) {
            boolean finished = run.result() == ProgramRun.Result.FINISHED;
            boolean waitsForClient = run.result() == ProgramRun.Result.STOPPED
                    && run.side().waitKind() == Conductor.Wait.ACCEPT;
            if (!finished && !waitsForClient) {
                return false;
            }
        }
        return true;
    }

    private int status(List<ProgramRun> runs) {
        if (runs.stream().anyMatch(run -> run.result() == ProgramRun.Result.QUIT)) {
            return runs.stream().anyMatch(run -> run.result() == ProgramRun.Result.FAILED) ? 1 : 0;
        }
        boolean allFinished = runs.stream().allMatch(run -> run.result() == ProgramRun.Result.FINISHED);
        return allFinished || serversLeftWaiting ? 0 : 1;
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " s";
    }

    /** Script names without {@code .jsh}; a name used twice gets {@code -1}, {@code -2}, ... */
    private List<String> labels() {
        Map<String, Integer> uses = new HashMap<>();
        for (ScriptCall call : calls) {
            uses.merge(baseName(call.script()), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (ScriptCall call : calls) {
            String base = baseName(call.script());
            labels.add(uses.get(base) > 1 ? base + "-" + seen.merge(base, 1, Integer::sum) : base);
        }
        return labels;
    }

    private static String baseName(Path script) {
        String name = script.getFileName().toString();
        return name.endsWith(".jsh") ? name.substring(0, name.length() - 4) : name;
    }

    private List<Conductor.KeyLine> keyLines(List<String> labels) {
        List<Conductor.KeyLine> lines = new ArrayList<>();
        for (String line : settings.input()) {
            int colon = line.indexOf(':');
            String label = colon < 0 ? null : line.substring(0, colon);
            lines.add(labels.contains(label) ? new Conductor.KeyLine(label, line.substring(colon + 1))
                    : new Conductor.KeyLine(null, line));
        }
        return lines;
    }

    /** The keyboard lines of the one program replayed alone, with its label taken off where given. */
    private List<String> linesFor(String label) {
        List<String> lines = new ArrayList<>();
        for (String line : settings.input()) {
            lines.add(line.startsWith(label + ":") ? line.substring(label.length() + 1) : line);
        }
        return lines;
    }

    /**
     * The keyboard of the person running the replay. While it waits for a person, the watchdog
     * does not count the time: thinking is not hanging.
     */
    private KeyboardLines person() {
        KeyboardLines lines = KeyboardLines.reader(in, !inputIsTerminal);
        if (!inputIsTerminal) {
            return lines;
        }
        return new KeyboardLines() {
            @Override
            public String readLine() throws IOException {
                personWaits.incrementAndGet();
                try {
                    return lines.readLine();
                } finally {
                    personWaits.decrementAndGet();
                }
            }

            @Override
            public boolean echoes() {
                return false;
            }

            @Override
            public boolean typedAhead() {
                return lines.typedAhead();
            }
        };
    }
}
