package io.sockshell.py.runtime;

import io.sockshell.engine.CancelSignal;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackends;
import io.sockshell.engine.TraceListener;
import io.sockshell.py.spi.OpenSocket;
import io.sockshell.py.spi.RunningProgram;
import io.sockshell.py.spi.SockCall;
import io.sockshell.recording.PartyRecording;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One running program as the facade sees it: what {@code sys.argv}, {@code input()} and
 * {@code print} mean for it, the sockets it opened, and its {@link Transport}, which a
 * conductor gives it when several programs are replayed against each other. Code that runs a
 * script binds a program to its thread; threads the script starts inherit it. With none bound
 * (stock {@code jshell}), the program is the process: arguments from the {@code sockshell.args}
 * property or {@code SOCKSHELL_ARGS}, keyboard lines from {@code sockshell.input} or
 * {@code SOCKSHELL_INPUT} and then standard input, output to standard output.
 */
public final class Program implements RunningProgram {
    private static final InheritableThreadLocal<Program> BOUND = new InheritableThreadLocal<>();
    private static volatile Program processProgram;

    private volatile List<String> argv;
    private volatile KeyboardLines keyboard;
    private final Consumer<String> out;
    private final Consumer<String> notes;
    private final PortWatcher ports;
    private final IntConsumer listens;
    private final Transport transport;
    /** Where the program's calls are recorded, or null when nobody asked for a record. */
    private final PartyRecording recording;
    /** Open sockets, in the order they were opened, so reports list them the same way every run. */
    private final List<OpenSocket> sockets = new ArrayList<>();
    private final Set<CancelSignal> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile String activity;
    private volatile long callStarted;
    private volatile String stoppedDuring;
    private final AtomicLong completedCalls = new AtomicLong();

    /** Told about every port a socket of the program listens on, connects from, or accepts. */
    @FunctionalInterface
    public interface PortWatcher {
        PortWatcher NONE = (port, listening) -> { };

        /** {@code listening}: the port a server chose; otherwise an ephemeral client port. */
        void seen(int port, boolean listening);
    }

    private Program(Builder builder) {
        this.argv = List.copyOf(builder.argv);
        this.keyboard = builder.keyboard;
        this.out = builder.out;
        this.notes = builder.notes;
        this.ports = builder.ports;
        this.listens = builder.listens;
        this.transport = builder.transport.create(this, SocketBackends.create(TraceListener.NONE));
        this.recording = builder.recording;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The program bound to this thread, or the process itself. */
    public static Program current() {
        Program bound = BOUND.get();
        return bound != null ? bound : process();
    }

    /** Makes {@code program} the current one for this thread and the threads it starts. */
    public static void bind(Program program) {
        BOUND.set(program);
    }

    public static void unbind() {
        BOUND.remove();
    }

    private static Program process() {
        Program program = processProgram;
        if (program == null) {
            synchronized (Program.class) {
                if (processProgram == null) {
                    processProgram = fromProcess();
                }
                program = processProgram;
            }
        }
        return program;
    }

    private static Program fromProcess() {
        String args = setting("sockshell.args", "SOCKSHELL_ARGS");
        List<String> argv = new ArrayList<>();
        argv.add("jshell");
        if (args != null) {
            argv.addAll(Arguments.split(args));
        }
        String input = setting("sockshell.input", "SOCKSHELL_INPUT");
        KeyboardLines terminal = KeyboardLines.reader(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), false);
        KeyboardLines keyboard = input == null ? terminal : KeyboardLines.scripted(Arguments.lines(input), terminal);
        Consumer<String> stdout = text -> {
            System.out.print(text);
            System.out.flush();
        };
        return builder().argv(argv).keyboard(keyboard).out(stdout).build();
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environment);
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public void argv(List<String> values) {
        argv = List.copyOf(values);
    }

    /** Where {@code input()} reads when no script typed a line for it. */
    public KeyboardLines keyboard() {
        return keyboard;
    }

    @Override
    public void typeAhead(List<String> lines) {
        keyboard = KeyboardLines.scripted(lines, keyboard);
    }

    @Override
    public String input(String prompt) throws SockError, IOException {
        String scripted = transport.keyboardTurn();
        write(prompt);
        String line;
        boolean echo;
        if (scripted != null) {
            line = scripted;
            echo = true;
        } else {
            KeyboardLines lines = keyboard;
            line = lines.readLine();
            echo = lines.echoes();
        }
        if (line == null) {
            write("\n");
        } else if (echo) {
            write(line + "\n");
        }
        return line;
    }

    @Override
    public void write(String text) {
        out.accept(text);
    }

    /** A line about the program rather than from it, such as a call that has to wait. */
    public void note(String text) {
        notes.accept(text);
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        Sock sock = transport.open(family, kind);
        return recording == null ? sock : recording.wrap(sock);
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeout) throws SockError {
        if (recording == null) {
            return transport.select(read, write, except, timeout);
        }
        return recording.select("select", "timeout=" + PyRepr.of(timeout), read, write, except,
                (reading, writing, excepting) -> transport.select(reading, writing, excepting, timeout));
    }

    @Override
    public void seenPort(int port, boolean listening) {
        ports.seen(port, listening);
    }

    @Override
    public void listening(int port) {
        ports.seen(port, true);
        listens.accept(port);
    }

    @Override
    public void opened(OpenSocket socket) {
        synchronized (sockets) {
            sockets.add(socket);
        }
    }

    @Override
    public void closed(OpenSocket socket) {
        synchronized (sockets) {
            sockets.remove(socket);
        }
    }

    /** Every socket the program opened or accepted and has not closed. */
    public List<OpenSocket> openSockets() {
        synchronized (sockets) {
            return List.copyOf(sockets);
        }
    }

    /** Closes what the program left open, as the operating system does when a process exits. */
    public void closeAll() {
        for (OpenSocket socket : openSockets()) {
            socket.closeAtExit();
        }
    }

    /**
     * When the call the program is in began ({@link System#nanoTime()}), or 0 when it is in none:
     * then it is running Java code, not waiting.
     */
    public long callStarted() {
        return callStarted;
    }

    /** The call the program was in when {@link #stop()} came, such as {@code accept()}, or null. */
    public String stoppedDuring() {
        return stoppedDuring;
    }

    /**
     * Marks the start of a call that may wait, so {@link #stop()} can cut it short; returns the
     * thread's signal, for {@link #leave}. Raises at once if the program was stopped, or if the
     * thread was interrupted (a pending Ctrl-C, as Python raises it at the next chance). A
     * cancel left on this thread by an earlier wait is forgotten; one meant for this wait comes
     * after {@code waiting} has the signal.
     */
    private CancelSignal enter(String call) throws SockError {
        if (stopped || Thread.interrupted()) {
            throw SockError.interrupted();
        }
        CancelSignal signal = CancelSignal.current();
        if (signal.isCancelled()) {
            signal.reset();
        }
        waiting.add(signal);
        activity = call;
        callStarted = System.nanoTime();
        if (stopped) {
            signal.cancel();
        }
        return signal;
    }

    private void leave(CancelSignal signal) {
        waiting.remove(signal);
        activity = null;
        callStarted = 0;
    }

    /** Runs one engine call as {@code name}, stoppable while it waits. */
    @Override
    public <T> T call(String name, SockCall<T> body) throws SockError {
        CancelSignal signal = enter(name);
        try {
            T result = recording == null ? body.run()
                    : recording.within(recording.begin(name.replace("()", ""), name, false), body::run);
            completedCalls.incrementAndGet();
            return result;
        } finally {
            leave(signal);
        }
    }

    /**
     * Cuts short the waits the program is in now, as Ctrl-C does in Python: each ends in
     * {@code KeyboardInterrupt}, and the program goes on. Returns whether there was one.
     */
    public boolean interruptWaits() {
        boolean any = false;
        for (CancelSignal signal : waiting) {
            signal.cancel();
            any = true;
        }
        return any;
    }

    /**
     * Stops the program: every wait it is in, and every later one, ends in
     * {@code KeyboardInterrupt}.
     */
    public void stop() {
        stoppedDuring = activity;
        stopped = true;
        for (CancelSignal signal : waiting) {
            signal.cancel();
        }
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * How many calls have returned without an error: grows while the program gets somewhere,
     * stands still while it waits or polls in vain. A replay watching for hangs reads it.
     */
    public long completedCalls() {
        return completedCalls.get();
    }

    public static final class Builder {
        private List<String> argv = List.of();
        private KeyboardLines keyboard = KeyboardLines.EMPTY;
        private Consumer<String> out = text -> { };
        private Consumer<String> notes = text -> { };
        private PortWatcher ports = PortWatcher.NONE;
        private IntConsumer listens = port -> { };
        private Transport.Factory transport = (program, backend) -> new DirectTransport(backend);
        private PartyRecording recording;

        private Builder() {
        }

        /** {@code sys.argv}: the program's name first, then its arguments. */
        public Builder argv(List<String> values) {
            argv = values;
            return this;
        }

        public Builder keyboard(KeyboardLines value) {
            keyboard = value;
            return this;
        }

        /** Receives what the program prints, in pieces that need not end in a newline. */
        public Builder out(Consumer<String> value) {
            out = value;
            return this;
        }

        /** Receives one line per note, without a newline. */
        public Builder notes(Consumer<String> value) {
            notes = value;
            return this;
        }

        public Builder ports(PortWatcher value) {
            ports = value;
            return this;
        }

        /** Told the port each time a socket of the program starts listening. */
        public Builder listens(IntConsumer value) {
            listens = value;
            return this;
        }

        /** How the program's calls reach the engine; straight through unless a conductor's is given. */
        public Builder transport(Transport.Factory value) {
            transport = value;
            return this;
        }

        /** Records the program's socket calls there; none are recorded unless this is given. */
        public Builder recording(PartyRecording value) {
            recording = value;
            return this;
        }

        public Program build() {
            return new Program(this);
        }
    }
}
