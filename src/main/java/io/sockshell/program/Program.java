package io.sockshell.program;

import io.sockshell.kernel.KernelFiles;
import io.sockshell.kernel.NetTables;
import io.sockshell.kernel.SocketRow;
import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Holding;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A program the shell started: a process in a session and process group of its own, its
 * standard input a pipe the shell writes, its standard output and error one pipe the shell
 * reads. Each step that talks to it ({@code program}, {@code type}, {@code output},
 * {@code eof}, {@code signal}) returns once it is quiet, with what it printed until then.
 *
 * <p><b>Quiet</b> means every thread of every process of the program waits for something
 * outside it (its input, a connection, a socket's data, a timer, a signal, its children) or
 * has ended, and stays so: two looks at {@code /proc} ({@link ProcessWatch}) find every
 * thread sleeping, stopped or ended, with the same count of times each was scheduled and no
 * thread new or gone, and between them nothing was on its way to the program over loopback
 * ({@link Loopback}) and its output pipe was drained. A thread that ran between the looks
 * would have been scheduled; one woken and about to run shows as running.
 * So no step sleeps: between looks a step waits for an event (output, input written, exit,
 * cancel) for at most a few microseconds to milliseconds, longer the longer the program stays
 * busy. A program that never waits (a busy loop, a poll with no timeout) is never quiet, and
 * the step's bound ends the wait with a line saying what it was doing.
 *
 * <p>The drain makes sure the reader has kept everything in the output pipe ({@link OutputPipe#drain}), so the step shows
 * exactly what was printed before the program went quiet, and reports an exit the first time
 * one is seen.
 */
public final class Program implements Holding {
    /** The kind's name, in messages: {@code NameError: name 'srv' is already an open program}. */
    public static final String KIND = "program";
    /** The longest a step waits for quiet unless told otherwise (below a transcript's default step bound of 5 s). */
    public static final double DEFAULT_QUIET_SECONDS = 4;
    /** How long a program gets to end after SIGTERM before {@code close} sends SIGKILL. */
    static final double TERM_SECONDS = 2;
    /**
     * How long {@code sockets} waits to tell a quiet program from a running one: a JVM's own
     * threads wake up every few tens of milliseconds, and on a loaded machine a look at its
     * dozens of threads can straddle one of those wake-ups several times over.
     */
    private static final double STATE_SECONDS = 2;
    /** The longest wait between two looks at a busy program. */
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /**
     * How long a step spins, processor held, for the answer to a line it typed before it parks:
     * a program that answers at once does so within tens of microseconds, and a thread that
     * parks hands its processor to the idle loop, which on a virtual machine takes several times
     * as long to wake up again (a 1,000-line round trip bench: 82 µs to 38 µs for the answer).
     */
    private static final long ANSWER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final List<String> COLUMNS = List.of("PROGRAM", "PID", "STATE", "COMMAND");
    /** The least a pipe holds (one page), whatever the system's limits on pipe buffers. */
    private static final int PIPE_BUFFER = 4096;

    /**
     * What a step shows: the program's output (escaped, each line ending in a line break), the
     * exit report if this step is the first to see it ({@code [exit 0]}), and, when the program
     * did not go quiet within the bound, what it was doing.
     */
    public record Shown(String output, String exit, String notQuiet) {
    }

    private final String name;
    private final List<String> command;
    private final Process process;
    private final int pid;
    private final String token;
    private final Guard guard;
    private final Events events;
    private final OutputPipe output;
    private final InputPipe input;
    /** Looks at /proc one at a time: its open files and its last scan are shared state. */
    private final ProcessWatch watch;
    private final Object watching = new Object();
    private volatile boolean closed;
    /** Ended with nothing of it left, and its pipes, threads and /proc files let go. */
    private volatile boolean released;
    private boolean exitReported;
    /**
     * Whether the program was last seen quiet reading its input, so the pipe to it is empty:
     * a line of up to {@link #PIPE_BUFFER} bytes then goes in without blocking, and can be
     * written at once rather than by the input's writer thread (a round trip is quicker).
     */
    private volatile boolean readingAnEmptyInput;
    /**
     * Whether the last line typed at it was answered (it printed something before going
     * quiet): a program that answers lines likely answers the next one too, so the first look
     * after a line waits for its answer rather than find it busy reading the line.
     */
    private volatile boolean answersLines;
    /** Where each thread has waited when the program was seen quiet (see {@link ProcessWatch.Look#changeSince}). */
    private volatile Map<Integer, Set<String>> homes = Map.of();

    Program(String name, List<String> command, Process process, String token, Guard guard, Events events,
            OutputPipe output, ProcessWatch watch) {
        this.name = name;
        this.command = List.copyOf(command);
        this.process = process;
        this.pid = (int) process.pid();
        this.token = token;
        this.guard = guard;
        this.events = events;
        this.output = output;
        this.input = new InputPipe(process.getOutputStream(), events, name);
        this.watch = watch;
        process.onExit().thenRun(events::signal);
    }

    public int pid() {
        return pid;
    }

    /** The output printed since the last step, once the program is quiet (or its bound has passed). */
    public Shown settle(double seconds) throws SockError {
        if (released) {
            return shown(0, null, false);
        }
        long deadline = System.nanoTime() + Events.nanos(seconds);
        String notQuiet = awaitQuiet(deadline, seconds);
        return shown(deadline, notQuiet, false);
    }

    /** One line of keyboard input (the text and Enter), then what it printed until quiet. */
    public Shown type(String line, double seconds) throws SockError {
        return send((line + "\n").getBytes(StandardCharsets.UTF_8), seconds);
    }

    /** Closes its standard input, as Ctrl-D at a terminal ends input, then what it printed until quiet. */
    public Shown eof(double seconds) throws SockError {
        return send(null, seconds);
    }

    private Shown send(byte[] bytes, double seconds) throws SockError {
        requireRunning();
        if (input.ended()) {
            throw SockError.valueError("the input of " + name + " was closed by eof");
        }
        if (input.broken() != null) {
            throw SockError.plain("BrokenPipeError", "[Errno 32] Broken pipe: " + name + " closed its input");
        }
        long deadline = System.nanoTime() + Events.nanos(seconds);
        boolean atOnce = bytes != null && bytes.length <= PIPE_BUFFER && readingAnEmptyInput;
        readingAnEmptyInput = false;
        long seen = events.count();
        try {
            if (atOnce && input.sendNow(bytes)) {
                // It was reading: it is awake now, and a look before it answers would be wasted.
                events.awaitSpinning(seen, ANSWER_SPIN_NANOS, answersLines ? MAX_PAUSE_NANOS : FIRST_PAUSE_NANOS);
            } else if (!input.send(bytes, deadline)) {
                throw SockError.plain("TimeoutError", name + " did not read its input within " + seconds(seconds)
                        + " (" + input.waiting() + " lines are waiting to go in): is it reading its keyboard?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SockError.interrupted();
        }
        Shown shown = settle(deadline, seconds);
        answersLines = bytes != null && !shown.output().isEmpty();
        return shown;
    }

    private Shown settle(long deadline, double seconds) throws SockError {
        return shown(deadline, awaitQuiet(deadline, seconds), false);
    }

    /** Sends {@code signal} (INT, TERM, KILL, HUP) to its process group, then what it printed until quiet or ended. */
    public Shown signal(String signal, double seconds) throws SockError {
        String known = Signals.parse(signal);
        if (known == null) {
            throw SockError.valueError("signal must be one of " + String.join(", ", Signals.NAMES) + ", not '" + signal
                    + "'");
        }
        requireRunning();
        try {
            guard.signal(pid, known);
        } catch (IOException e) {
            throw SockError.plain("OSError", "cannot send SIG" + known + " to " + name + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + Events.nanos(seconds);
        return settle(deadline, seconds);
    }

    /** Waits until it exits (for ever when {@code seconds} is null): what it printed, then {@code [exit N]}. */
    public Shown awaitExit(Double seconds) throws SockError {
        long deadline = seconds == null ? Long.MAX_VALUE : System.nanoTime() + Events.nanos(seconds);
        CancelSignal cancel = CancelSignal.current();
        cancel.waitingOn(events::signal);
        try {
            long seen = events.count();
            while (process.isAlive()) {
                if (cancel.isCancelled()) {
                    throw SockError.interrupted();
                }
                long left = deadline == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : deadline - System.nanoTime();
                if (left <= 0) {
                    throw SockError.timedOut();
                }
                seen = events.await(seen, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SockError.interrupted();
        } finally {
            cancel.waitingOn(null);
        }
        return shown(System.nanoTime() + TimeUnit.SECONDS.toNanos(1), null, true);
    }

    /**
     * The output up to now and the exit, if this is the first step to see it (or {@code always}).
     * A quiet program's output has been drained by the wait for quiet; any other is drained here.
     */
    private Shown shown(long deadline, String notQuiet, boolean always) throws SockError {
        String text = "";
        boolean ended = !process.isAlive();
        synchronized (this) {
            if (!released) {
                if (notQuiet != null || always) {
                    drain(deadline);
                }
                text = ProgramText.of(output.take(ended));
                if (ended && remaining().isEmpty()) {
                    release();
                }
            }
        }
        String exit = null;
        synchronized (this) {
            if (ended && (always || !exitReported)) {
                exitReported = true;
                exit = ExitStatus.of(process.exitValue()).report();
            }
        }
        return new Shown(text, exit, notQuiet);
    }

    /**
     * Lets go of what watching and talking to it takes (two threads, the pipes, the /proc files)
     * once it has ended and nothing of it is left: a long session that runs many programs keeps
     * only their names and exits.
     */
    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        guard.forget(pid);
        input.close();
        output.close();
        synchronized (watching) {
            watch.close();
        }
    }

    /** Waits until the reader has taken in everything printed so far (see {@link OutputPipe#drain}). */
    private void drain(long deadline) throws SockError {
        try {
            output.drain(Math.max(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500)));
        } catch (IOException e) {
            throw SockError.plain("OSError", "cannot read the output of " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SockError.interrupted();
        }
    }

    /**
     * Waits until the program is quiet or has ended with nothing of it left busy, and its output
     * is drained; returns null then, or what it was doing when {@code deadline} passed.
     *
     * <p>Two looks decide. The first finds every thread waiting; then the network is asked
     * whether anything is on its way to the program, and the output pipe is drained; the second
     * look finds the same threads, none scheduled since. The drain matters: a program whose
     * output pipe is full waits too, in its write, for sockshell's reader, which a loaded
     * machine may not have run for a while; draining wakes such a program, and the second look
     * sees it.
     */
    private String awaitQuiet(long deadline, double seconds) throws SockError {
        CancelSignal cancel = CancelSignal.current();
        cancel.waitingOn(events::signal);
        ProcessWatch.Look first = null;
        ProcessWatch.Look confirming = null;
        String why = null;
        boolean late = false;
        long pause = FIRST_PAUSE_NANOS;
        try {
            while (true) {
                long seen = events.count();
                ProcessWatch.Look now = look();
                if (first == null) {
                    first = now;
                }
                // No process left means the program has ended, once the JDK knows it too (a look
                // that could not see the leader must not pass for its end).
                boolean ended = now.empty() && !process.isAlive();
                if (!ended) {
                    why = now.empty() ? "its processes could not be seen" : now.notWaiting();
                    if (why == null && confirming != null) {
                        why = now.changeSince(confirming, homes);
                    }
                }
                if (ended || (confirming != null && why == null)) {
                    homes = now.homesWith(homes);
                    readingAnEmptyInput = now.readingStandardInput();
                    awaitReaped(now, deadline);
                    if (ended) {
                        drain(deadline);
                    }
                    return null;
                }
                if (late) {
                    return doing(first, now, why, seconds);
                }
                confirming = null;
                if (now.waiting() && !now.empty()) {
                    String flight = inFlight(now);
                    if (flight == null) {
                        drain(deadline);
                        confirming = now;
                    } else {
                        why = flight;
                    }
                }
                if (cancel.isCancelled()) {
                    throw SockError.interrupted();
                }
                // A confirmation under way gets its look even past the bound: on a loaded machine
                // the drain before it may take longer than the rest of the wait.
                late = System.nanoTime() >= deadline;
                if (late && confirming == null) {
                    return doing(first, now, why, seconds);
                }
                if (confirming == null) {
                    events.await(seen, Math.min(pause, deadline - System.nanoTime()));
                    pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
                }
            }
        } catch (IOException e) {
            throw SockError.plain("OSError", "cannot watch " + name + " in /proc: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SockError.interrupted();
        } finally {
            cancel.waitingOn(null);
        }
    }

    private ProcessWatch.Look look() throws IOException {
        synchronized (watching) {
            return released ? new ProcessWatch.Look(null, List.of()) : watch.look();
        }
    }

    /** What is on its way to the program over loopback, as seen after {@code look} found it waiting; null for nothing. */
    private String inFlight(ProcessWatch.Look look) throws IOException {
        synchronized (watching) {
            if (released || watch.deafToSockets(look)) {
                return null;
            }
        }
        return Loopback.inFlight(socketInodes());
    }

    private List<Long> socketInodes() throws IOException {
        synchronized (watching) {
            return released ? List.of() : watch.socketInodes();
        }
    }

    /**
     * A leader that has ended is quiet, but the JDK learns its exit status a moment after the
     * kernel shows it gone (or a zombie); waiting for that here makes the exit part of this
     * step's report on every run, not of the next step's on some.
     */
    private void awaitReaped(ProcessWatch.Look last, long deadline) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        boolean leaderEnded = true;
        for (ProcessWatch.ThreadLook thread : last.threads()) {
            if (thread.pid() == pid && thread.state() != 'Z' && thread.state() != 'X') {
                leaderEnded = false;
            }
        }
        if (leaderEnded) {
            process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * What a program that never went quiet was doing: why the last look did not find it quiet
     * (a thread running or woken, a process begun or ended, data on its way to it), and how
     * much processor time it used since the step began.
     */
    private String doing(ProcessWatch.Look first, ProcessWatch.Look last, String why, double seconds) {
        long ticks = 0;
        for (ProcessWatch.ThreadLook thread : last.threads()) {
            long before = 0;
            for (ProcessWatch.ThreadLook earlier : first.threads()) {
                if (earlier.tid() == thread.tid()) {
                    before = earlier.cpuTicks();
                }
            }
            ticks += thread.cpuTicks() - before;
        }
        return name + " did not go quiet within " + seconds(seconds) + ": " + why
                + String.format(" (%.1f s of processor time in %s)", ticks / 100.0, seconds(seconds));
    }

    private void requireRunning() throws SockError {
        if (closed) {
            throw SockError.plain("ProcessLookupError", name + " was closed");
        }
        if (!process.isAlive()) {
            throw SockError.plain("ProcessLookupError", name + " has already ended: "
                    + ExitStatus.of(process.exitValue()).report());
        }
    }

    /**
     * Where it (and its children) listen, one line each as CPython writes the address, in the
     * order of their processes and descriptors; UDP sockets marked {@code udp}.
     */
    public List<String> ports() throws SockError {
        List<String> ports = new ArrayList<>();
        for (SocketRow row : listening()) {
            ports.add(row.localAddress().pythonRepr() + (row.udp() ? " udp" : ""));
        }
        return ports;
    }

    /** The first TCP port it listens on. */
    @Override
    public OptionalInt port() {
        try {
            for (SocketRow row : listening()) {
                if (!row.udp()) {
                    return OptionalInt.of(row.localPort());
                }
            }
        } catch (SockError cannotTell) {
            // No port to give.
        }
        return OptionalInt.empty();
    }

    /** Its listening TCP sockets and its UDP sockets, in the order of its processes and descriptors. */
    private List<SocketRow> listening() throws SockError {
        List<Long> inodes;
        try {
            inodes = socketInodes();
        } catch (IOException e) {
            throw SockError.plain("OSError", "cannot read the sockets of " + name + ": " + e.getMessage());
        }
        return NetTables.read(KernelFiles.standard(), true).listening(inodes);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<List<String>> rows(String shownName) {
        return List.of(List.of(shownName, Integer.toString(pid), state(), commandLine()));
    }

    /** {@code quiet}, {@code running}, {@code exited 0}, {@code signal TERM} or {@code closed}. */
    private String state() {
        if (closed) {
            return "closed";
        }
        if (!process.isAlive()) {
            return ExitStatus.of(process.exitValue()).state();
        }
        try {
            String notQuiet = awaitQuiet(System.nanoTime() + Events.nanos(STATE_SECONDS), STATE_SECONDS);
            return notQuiet == null ? (process.isAlive() ? "quiet" : ExitStatus.of(process.exitValue()).state())
                    : "running";
        } catch (SockError cannotTell) {
            return "running";
        }
    }

    /** The command as typed, each argument with a space or quote in it quoted, controls escaped. */
    private String commandLine() {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            if (line.length() > 0) {
                line.append(' ');
            }
            boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\'' || c < 0x20);
            line.append(plain ? word : PyRepr.str(word));
        }
        return line.toString();
    }

    @Override
    public boolean isOpen() {
        return !closed && !released && (process.isAlive() || !remaining().isEmpty());
    }

    @Override
    public String leftover() {
        return "still running";
    }

    /**
     * TERM to its process group; KILL after {@link #TERM_SECONDS} if anything of it is left;
     * then every process that carries its token. Its unshown output is dropped.
     */
    @Override
    public List<String> close() {
        if (closed) {
            return List.of();
        }
        closed = true;
        if (released) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        try {
            if (!remaining().isEmpty()) {
                guard.signal(pid, "TERM");
                if (!awaitGone(System.nanoTime() + Events.nanos(TERM_SECONDS))) {
                    said.add(name + " did not end within " + seconds(TERM_SECONDS) + " of SIGTERM: killed (SIGKILL)");
                }
            }
            for (int attempt = 0; attempt < 10 && !remaining().isEmpty(); attempt++) {
                guard.signal(pid, "KILL");
                for (int straggler : Tokens.carriers(token)) {
                    ProcessHandle.of(straggler).ifPresent(ProcessHandle::destroyForcibly);
                }
                awaitGone(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
        } catch (IOException e) {
            said.add("cannot end " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
        return said;
    }

    /** Waits until nothing of it is left, at most until {@code deadline}; looks again after each event or pause. */
    private boolean awaitGone(long deadline) throws InterruptedException {
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            long seen = events.count();
            if (remaining().isEmpty()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            events.await(seen, Math.min(left, pause));
            pause = Math.min(TimeUnit.MILLISECONDS.toNanos(10), pause * 2);
        }
    }

    /** Its processes still alive: the leader, its group's and session's, and any carrying its token. */
    private List<Integer> remaining() {
        List<Integer> left = new ArrayList<>();
        if (process.isAlive()) {
            left.add(pid);
        }
        try {
            synchronized (watching) {
                for (int member : released ? List.<Integer>of() : watch.processes()) {
                    if (!left.contains(member) && alive(member)) {
                        left.add(member);
                    }
                }
            }
        } catch (IOException cannotTell) {
            // The token scan below still finds them.
        }
        for (int carrier : Tokens.carriers(token)) {
            if (!left.contains(carrier)) {
                left.add(carrier);
            }
        }
        return left;
    }

    /** Alive and not a zombie: a zombie has ended, and only its parent's wait is missing. */
    private static boolean alive(int pid) {
        Stat stat = Stat.parse(ProcFile.readOnce("/proc/" + pid + "/stat"));
        return stat != null && stat.state() != 'Z' && stat.state() != 'X';
    }

    static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " s";
    }
}
