package io.sockshell.recording;

import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Op;
import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The calls of one party, recorded into a {@link Recorder} while recording is on. The party's
 * sockets are wrapped ({@link #wrap}, {@link #backend}); a driver marks each command or program
 * call with {@link #begin} and runs it {@link #within} what that returns, on whichever thread
 * runs it (a background job's thread gets the scope its command began, so the job begins where
 * it was typed).
 */
public final class PartyRecording {
    /** One engine call, which may fail as the engine's calls do. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws SockError;
    }

    /** A select or poll over engine sockets: what a wrapped one is answered by. */
    @FunctionalInterface
    public interface Selecting {
        Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except) throws SockError;
    }

    private volatile Recorder recorder;
    private volatile String party;
    private volatile Source source;
    private final ThreadLocal<Recorder.Scope> scope = new ThreadLocal<>();

    /** A party that records nothing until {@link #into} is called. */
    public PartyRecording(String party) {
        this.party = party;
    }

    /** Records from now on into {@code target} as {@code partyName}. */
    public void into(Recorder target, String partyName) {
        party = partyName;
        recorder = target;
    }

    /** Stops recording; what was recorded stays in the recorder. */
    public void stop() {
        recorder = null;
    }

    /** The recorder calls go to, or null while recording is off. */
    public Recorder recorder() {
        return recorder;
    }

    public String party() {
        return party;
    }

    /** Where the next commands come from (a transcript's step, a script's line); null: their number. */
    public void at(Source where) {
        source = where;
    }

    /**
     * Begins a command or program call named {@code name}, as typed ({@code text}); null while
     * recording is off, which {@link #within} accepts.
     */
    public Recorder.Scope begin(String name, String text, boolean background) {
        Recorder target = recorder;
        return target == null ? null : target.scope(party, name, text, source, background);
    }

    /** Runs {@code body} with its engine calls recorded as {@code within}'s; with null, as they come. */
    public <T, E extends Exception> T within(Recorder.Scope within, Scoped<T, E> body) throws E {
        if (within == null) {
            return body.run();
        }
        Recorder.Scope outer = scope.get();
        scope.set(within);
        try {
            return body.run();
        } finally {
            if (outer == null) {
                scope.remove();
            } else {
                scope.set(outer);
            }
        }
    }

    /** Work done within a scope. */
    @FunctionalInterface
    public interface Scoped<T, E extends Exception> {
        T run() throws E;
    }

    /** The party's socket {@code sock}, its calls recorded while recording is on. */
    public Sock wrap(Sock sock) {
        return sock instanceof RecordingSock own && own.recording() == this ? sock : new RecordingSock(this, sock);
    }

    /** The party's backend: the sockets it opens are wrapped, and its select and poll recorded. */
    public SocketBackend backend(SocketBackend engine) {
        return new RecordingBackend(this, engine);
    }

    /**
     * A select (named {@code name}: select or poll) over the party's sockets, answered by
     * {@code engine} in the engine's own sockets and told back in the wrapped ones.
     */
    public Readiness<Sock> select(String name, String arguments, List<Sock> read, List<Sock> write, List<Sock> except,
            Selecting engine) throws SockError {
        Map<Sock, Sock> wrappers = new IdentityHashMap<>();
        List<Sock> reading = unwrapped(read, wrappers);
        List<Sock> writing = unwrapped(write, wrappers);
        List<Sock> excepting = unwrapped(except, wrappers);
        Function<Sock, Sock> wrapperOf = sock -> wrappers.getOrDefault(sock, sock);
        Recorder target = recorder;
        if (target == null) {
            return engine.select(reading, writing, excepting).map(wrapperOf);
        }
        Set<Integer> watched = new LinkedHashSet<>();
        for (List<Sock> list : List.of(read, write, except)) {
            watched.addAll(lifelines(target, list));
        }
        Recorder.Draft draft = draft(target, watched.isEmpty() ? -1 : watched.iterator().next(), Op.SELECT, name,
                arguments);
        try {
            Readiness<Sock> ready = engine.select(reading, writing, excepting).map(wrapperOf);
            draft.watched(new ArrayList<>(watched), lifelines(target, ready.readable()),
                    lifelines(target, ready.writable()));
            return ready;
        } catch (SockError e) {
            draft.watched(new ArrayList<>(watched), List.of(), List.of());
            draft.failed(e.pythonClass(), e.pythonLine());
            throw e;
        } finally {
            target.end(draft);
        }
    }

    /**
     * Notes {@code text} about the party's socket {@code sock} (a wrapped one), or about the
     * party when {@code sock} is null or not one of its own; nothing while recording is off.
     */
    public void note(Sock sock, String text) {
        Recorder target = recorder;
        if (target != null) {
            int lifeline = sock instanceof RecordingSock own && own.recording() == this ? own.lifeline(target) : -1;
            target.note(party, lifeline, text);
        }
    }

    /** The lifelines of the party's sockets among {@code socks}, in their order. */
    private static List<Integer> lifelines(Recorder target, List<Sock> socks) {
        List<Integer> lifelines = new ArrayList<>(socks.size());
        for (Sock sock : socks) {
            if (sock instanceof RecordingSock own) {
                lifelines.add(own.lifeline(target));
            }
        }
        return lifelines;
    }

    /**
     * Begins engine call {@code call} on lifeline {@code socket}: within the thread's scope, or,
     * outside any, in one of its own.
     */
    Recorder.Draft draft(Recorder target, int socket, Op op, String call, String arguments) {
        Recorder.Scope current = scope.get();
        if (current == null || !party.equals(current.party())) {
            current = target.scope(party, call, source);
        }
        return target.begin(current, socket, op, call, arguments);
    }

    /** An address as a diagram names it; an AF_UNIX one by its path as Python prints it, with no port. */
    static Endpoint endpoint(Address address) {
        if (address != null && address.family() == Family.AF_UNIX) {
            return new Endpoint(address.pythonRepr(), 0);
        }
        return address == null ? null : new Endpoint(address.host(), address.port());
    }

    private static List<Sock> unwrapped(List<Sock> socks, Map<Sock, Sock> wrappers) {
        List<Sock> engine = new ArrayList<>(socks.size());
        for (Sock sock : socks) {
            Sock inner = sock instanceof RecordingSock own ? own.inner() : sock;
            wrappers.put(inner, sock);
            engine.add(inner);
        }
        return engine;
    }
}
