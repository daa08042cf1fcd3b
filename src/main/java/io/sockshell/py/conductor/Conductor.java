package io.sockshell.py.conductor;

import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import io.sockshell.py.runtime.Program;
import io.sockshell.py.runtime.Transport;
import io.sockshell.py.spi.SockCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Runs several programs against each other so that the same run gives the same output every
 * time. One program runs at a time, as if on one processor: it keeps its turn until a call of
 * its would have to wait, then the turn passes on. Whether a call would wait is decided from
 * the {@link Ledger} (what the programs have sent, read, connected and closed), never from a
 * clock or from the kernel's view at an instant, so the order of the output cannot vary.
 *
 * <p>Turn order, from the program after the one that gave up its turn: a program whose wait is
 * over; else one waiting for room to send (its bytes are on their way, so it only needs time);
 * else a wait with a timeout, which ends because nothing else can happen; else the keyboard,
 * which the next scripted line addresses; else nothing can move and the conductor stops.
 */
public final class Conductor {
    /** A keyboard line for the program named {@code label}, or for whichever asks first when null. */
    public record KeyLine(String label, String line) {
    }

    /** How the replay ended, as far as the conductor knows. */
    public enum Outcome {
        RUNNING,
        /** Every program reached its end. */
        FINISHED,
        /** Some programs wait and nothing the others can do will release them. */
        STUCK,
        /** Stopped from outside, or by a keyboard script that does not fit. */
        ABORTED
    }

    /** What a waiting program waits for, so a report can tell a server idling from a hang. */
    public enum Wait {
        NONE, ACCEPT, RECV, SEND, SELECT, POLLING, KEYBOARD, OUTSIDE
    }

    private enum State { READY, RUNNING, WAITING, IDLE, KEYBOARD, SEND_BLOCKED, OUTSIDE, DONE }

    /** Idle turns in a row, with nothing new in the ledger, before a polling program counts as stuck. */
    private static final int IDLE_TURNS_PER_SOCKET = 4;
    private static final int IDLE_TURNS_MIN = 16;

    private final Ledger ledger = new Ledger();
    private final List<Side> sides = new ArrayList<>();
    private final Deque<KeyLine> keys;
    private final double deliverySeconds;
    private Side running;
    private int lastTurn = -1;
    private Outcome outcome = Outcome.RUNNING;
    private String abortReason;
    private long turns;

    /**
     * {@code deliverySeconds} bounds the real waits made with the turn held, for bytes or a
     * connection the ledger says are on their way: on loopback they take microseconds, so
     * running out means something is broken, and the call fails instead of hanging.
     */
    public Conductor(List<KeyLine> keyboardScript, double deliverySeconds) {
        this.keys = new ArrayDeque<>(keyboardScript);
        this.deliverySeconds = deliverySeconds;
    }

    double deliverySeconds() {
        return deliverySeconds;
    }

    /** Adds a program; they take turns in the order they joined, the first one first. */
    public synchronized Side join(String label) {
        Side side = new Side(label, sides.size());
        sides.add(side);
        return side;
    }

    /** Gives the first turn. Call once every program has joined. */
    public synchronized void begin() {
        pass();
    }

    public synchronized Outcome outcome() {
        return outcome;
    }

    public synchronized String abortReason() {
        return abortReason;
    }

    /** Grows with every turn given; a replay watching for hangs checks that it moves. */
    public synchronized long turns() {
        return turns;
    }

    /** Ends the run: every program that waits for its turn, or later asks, is stopped. */
    public synchronized void abort(String reason) {
        if (outcome == Outcome.RUNNING) {
            outcome = Outcome.ABORTED;
            abortReason = reason;
        }
        stopPrograms();
    }

    /**
     * Stops every program, then wakes the waiting ones, which find the run over. In this order
     * a woken program always knows it was stopped, not failed.
     */
    private void stopPrograms() {
        for (Side side : sides) {
            if (side.program != null && side.state != State.DONE) {
                side.program.stop();
            }
        }
        notifyAll();
    }

    synchronized boolean check(Predicate<Ledger> condition) {
        return condition.test(ledger);
    }

    synchronized long count(ToLongFunction<Ledger> query) {
        return query.applyAsLong(ledger);
    }

    /** Records a change; the caller keeps its turn. */
    synchronized void record(Consumer<Ledger> change) {
        change.accept(ledger);
    }

    /** Records a change and returns what it gives; the caller keeps its turn. */
    synchronized <T> T recorded(Function<Ledger, T> change) {
        return change.apply(ledger);
    }

    /** Chooses who runs next; called with no one running. */
    private void pass() {
        int count = sides.size();
        if (outcome != Outcome.RUNNING) {
            notifyAll();
            return;
        }
        List<Side> order = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            order.add(sides.get(Math.floorMod(lastTurn + i, count)));
        }
        for (Side side : order) {
            if (side.state == State.READY
                    || side.state == State.WAITING && side.until.test(ledger)
                    || side.state == State.IDLE && side.mayPollAgain()) {
                grant(side);
                return;
            }
        }
        for (Side side : order) {
            if (side.state == State.OUTSIDE) {
                return;
            }
        }
        for (Side side : order) {
            if (side.state == State.SEND_BLOCKED) {
                grant(side);
                return;
            }
        }
        for (Side side : order) {
            if (side.state == State.WAITING && side.timed) {
                side.timedOut = true;
                grant(side);
                return;
            }
        }
        if (giveKeyboard(order)) {
            return;
        }
        boolean allDone = sides.stream().allMatch(side -> side.state == State.DONE);
        outcome = allDone ? Outcome.FINISHED : Outcome.STUCK;
        stopPrograms();
    }

    private boolean giveKeyboard(List<Side> order) {
        Side reading = order.stream().filter(side -> side.state == State.KEYBOARD).findFirst().orElse(null);
        if (reading == null) {
            return false;
        }
        KeyLine next = keys.peek();
        if (next == null) {
            reading.keyLine = null;
            grant(reading);
            return true;
        }
        Side addressed = next.label() == null ? reading : sides.stream()
                .filter(side -> side.label.equals(next.label())).findFirst().orElse(null);
        if (addressed == null || addressed.state != State.KEYBOARD) {
            outcome = Outcome.ABORTED;
            abortReason = "the next keyboard line is for " + next.label() + ", which is "
                    + (addressed == null ? "not one of the programs" : addressed.describe())
                    + ", while " + reading.label + " is the one reading the keyboard";
            stopPrograms();
            return true;
        }
        keys.poll();
        addressed.keyLine = next.line();
        grant(addressed);
        return true;
    }

    private void grant(Side side) {
        side.state = State.RUNNING;
        running = side;
        lastTurn = side.index;
        turns++;
        notifyAll();
    }

    /** The handle one program holds: its turn, its waits, its place in the ledger. */
    public final class Side {
        private final String label;
        private final int index;
        private State state = State.READY;
        private Predicate<Ledger> until;
        private boolean timed;
        private boolean timedOut;
        private String keyLine;
        private Wait wait = Wait.NONE;
        private String waitingFor;
        private int idleTurns;
        private long idleVersion = -1;
        private Program program;
        private ConductedTransport transport;

        private Side(String label, int index) {
            this.label = label;
            this.index = index;
        }

        public String label() {
            return label;
        }

        /**
         * The transport of this side's program, made as the program is built: its calls that
         * may wait are decided by the ledger, its turns taken here.
         */
        public Transport transport(Program owner, SocketBackend backend) {
            synchronized (Conductor.this) {
                program = owner;
                transport = new ConductedTransport(this, owner, backend);
                return transport;
            }
        }

        Conductor conductor() {
            return Conductor.this;
        }

        /** Waits for this program's first turn; false if the run was stopped before it came. */
        public boolean start() {
            synchronized (Conductor.this) {
                return awaitTurn();
            }
        }

        /** This program has ended; the turn passes on. */
        public void finish() {
            synchronized (Conductor.this) {
                state = State.DONE;
                if (running == this) {
                    running = null;
                    pass();
                }
            }
        }

        /**
         * What the program waits for, or waited for when the run stopped it, as a report shows
         * it; null if it was not waiting.
         */
        public String waitingFor() {
            synchronized (Conductor.this) {
                return wait == Wait.NONE ? null : waitingFor;
            }
        }

        public Wait waitKind() {
            synchronized (Conductor.this) {
                return wait;
            }
        }

        /**
         * Gives up the turn until {@code ready} holds; returns at once if it already does.
         * {@code call} names the waiting call and {@code reason} says why it waits, for the notes.
         * {@code timed}: the call has a timeout, which runs out when nothing else can happen.
         */
        void await(Wait kind, String call, String reason, Predicate<Ledger> ready, boolean timed)
                throws SockError {
            synchronized (Conductor.this) {
                if (outcome != Outcome.RUNNING) {
                    throw SockError.interrupted();
                }
                if (ready.test(ledger)) {
                    return;
                }
            }
            program.note(call + " waits: " + reason);
            synchronized (Conductor.this) {
                until = ready;
                this.timed = timed;
                timedOut = false;
                yieldTurn(State.WAITING, kind, call + " waits: " + reason);
                if (!awaitTurn()) {
                    throw SockError.interrupted();
                }
            }
            if (timedOut) {
                program.note(call + " times out: nothing else can happen first");
                throw SockError.timedOut();
            }
            program.note(call + " goes on");
        }

        /** A nonblocking call found nothing; let the others run before the program polls again. */
        void pollingFoundNothing() throws SockError {
            synchronized (Conductor.this) {
                if (ledger.version() != idleVersion) {
                    idleVersion = ledger.version();
                    idleTurns = 0;
                }
                idleTurns++;
                yieldTurn(State.IDLE, Wait.POLLING, "polls sockets on which nothing will arrive");
                if (!awaitTurn()) {
                    throw SockError.interrupted();
                }
            }
        }

        /** The send buffer is full: let the reader run, then come back to wait for room. */
        void sendBlocked() throws SockError {
            synchronized (Conductor.this) {
                yieldTurn(State.SEND_BLOCKED, Wait.SEND, "send() waits for room in the buffer");
                if (!awaitTurn()) {
                    throw SockError.interrupted();
                }
            }
        }

        /**
         * Waits for the keyboard, which the conductor hands over only when no program can run.
         * Returns the scripted line, or null when the script has no more lines and the program
         * should read its own keyboard.
         */
        String keyboard() throws SockError {
            synchronized (Conductor.this) {
                keyLine = null;
                yieldTurn(State.KEYBOARD, Wait.KEYBOARD, "input() waits for the keyboard");
                if (!awaitTurn()) {
                    throw SockError.interrupted();
                }
                return keyLine;
            }
        }

        /** Runs a call that depends on something outside the replay, without holding the turn. */
        <T> T outside(String what, SockCall<T> call) throws SockError {
            synchronized (Conductor.this) {
                yieldTurn(State.OUTSIDE, Wait.OUTSIDE, what);
            }
            try {
                return call.run();
            } finally {
                synchronized (Conductor.this) {
                    state = State.READY;
                    if (running == null) {
                        pass();
                    }
                    if (!awaitTurn()) {
                        throw SockError.interrupted();
                    }
                }
            }
        }

        private void yieldTurn(State next, Wait kind, String what) {
            state = next;
            wait = kind;
            waitingFor = what;
            if (running == this) {
                running = null;
                pass();
            }
        }

        /** Waits, holding the conductor's lock, until this side runs; false if the run stopped. */
        private boolean awaitTurn() {
            while (running != this && outcome == Outcome.RUNNING) {
                try {
                    Conductor.this.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (running == this) {
                wait = Wait.NONE;
                return outcome == Outcome.RUNNING;
            }
            return false;
        }

        /** A polling program runs again when one of its sockets has something, unless it keeps missing it. */
        private boolean mayPollAgain() {
            List<ConductedSock> sockets = transport.openSockets();
            if (ledger.version() == idleVersion
                    && idleTurns >= IDLE_TURNS_MIN + IDLE_TURNS_PER_SOCKET * sockets.size()) {
                return false;
            }
            return ConductedTransport.anyReadable(sockets, ledger);
        }

        private String describe() {
            return switch (state) {
                case DONE -> "finished";
                case RUNNING, READY -> "running";
                default -> "waiting: " + waitingFor;
            };
        }
    }
}
