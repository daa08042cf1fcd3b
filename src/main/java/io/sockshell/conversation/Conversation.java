package io.sockshell.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of what a {@link Recorder} recorded: the lifelines, the calls in the order they
 * began, the marks, and the commands that made them. It joins the lifelines of different
 * parties by their addresses (whose bytes reach whom, which listener a connect reaches) and
 * tells which calls blocked and which call released each of them, from the bytes and
 * connections each side had sent and taken at the time, so the answer does not depend on
 * which thread happened to record first.
 */
public final class Conversation {
    /** A line across the whole conversation at logical time {@code at}. */
    public record Mark(long at, String text) {
    }

    /**
     * A remark about one socket at logical time {@code at}, such as a change the kernel made to
     * it: on lifeline {@code socket}, or on the whole of {@code party} when {@code socket} is -1.
     */
    public record Note(long at, String party, int socket, String text) {
    }

    /** A command as its party typed it (or a program's call), where it came from, and when it began. */
    public record Command(String party, String text, Source source, long at) {
    }

    private final List<Lifeline> lifelines;
    private final List<Call> calls;
    private final List<Mark> marks;
    private final List<Command> commands;
    private final List<Note> notes;
    private final int[] peers;
    private final int[] counterparts;
    private final Releases releases;

    Conversation(List<Lifeline> lifelines, List<Call> calls, List<Mark> marks, List<Command> commands,
            List<Note> notes) {
        this.lifelines = lifelines;
        this.calls = calls;
        this.marks = marks;
        this.commands = commands;
        this.notes = notes;
        this.peers = peers(lifelines);
        this.counterparts = new int[calls.size()];
        for (Call call : calls) {
            counterparts[call.id()] = findCounterpart(call);
        }
        this.releases = new Releases(this);
    }

    /** An empty conversation: nothing recorded. */
    public static Conversation empty() {
        return new Recorder().snapshot();
    }

    public List<Lifeline> lifelines() {
        return lifelines;
    }

    public Lifeline lifeline(int id) {
        return lifelines.get(id);
    }

    public List<Call> calls() {
        return calls;
    }

    public List<Mark> marks() {
        return marks;
    }

    public List<Command> commands() {
        return commands;
    }

    public List<Note> notes() {
        return notes;
    }

    public boolean isEmpty() {
        return calls.isEmpty() && marks.isEmpty() && notes.isEmpty();
    }

    /** The parties, in the order their first socket was used. */
    public List<String> parties() {
        Set<String> parties = new LinkedHashSet<>();
        for (Lifeline lifeline : lifelines) {
            parties.add(lifeline.party());
        }
        return new ArrayList<>(parties);
    }

    /** The lifeline connected to {@code lifeline} (its addresses the other way round), or -1. */
    public int peer(int lifeline) {
        return lifeline < 0 ? -1 : peers[lifeline];
    }

    /**
     * The lifeline at the other end of a call, or -1 when it is none that was recorded: the
     * listener a connect reaches, the peer that sent or send reaches or a close tells, the
     * client whose connection an accept took, the sender of a datagram.
     */
    public int counterpart(Call call) {
        return counterparts[call.id()];
    }

    /** Whether the call had to wait for another party (or for time) before it returned. */
    public boolean blocked(Call call) {
        return releases.blocked(call.id());
    }

    /** The call whose bytes, connection or close let a blocked call return; null when none was recorded. */
    public Call releasedBy(Call call) {
        int releaser = releases.releaser(call.id());
        return releaser < 0 ? null : calls.get(releaser);
    }

    /**
     * Whether a close sent a reset rather than an orderly end: its peer's next calls failed with
     * {@code ConnectionResetError} (closing with unread data does that).
     */
    public boolean reset(Call close) {
        return releases.reset(close.id());
    }

    private int findCounterpart(Call call) {
        Lifeline own = call.socket() < 0 ? null : lifelines.get(call.socket());
        if (own == null) {
            return -1;
        }
        return switch (call.op()) {
            case CONNECT -> listenerReached(own, call.target());
            case ACCEPT -> call.created() < 0 ? -1 : peer(call.created());
            case SEND, RECV, SHUTDOWN, CLOSE -> own.stream() ? peer(own.id()) : -1;
            case SENDTO -> datagramSocketAt(call.target(), true);
            case RECVFROM -> datagramSocketAt(call.target(), false);
            default -> -1;
        };
    }

    /** The listener a connect from {@code client} reaches: the one that accepted it, else one listening on the port. */
    private int listenerReached(Lifeline client, Endpoint target) {
        if (client.local() != null) {
            for (Lifeline lifeline : lifelines) {
                if (lifeline.acceptedFrom() >= 0 && client.local().sameAs(lifeline.peer())) {
                    return lifeline.acceptedFrom();
                }
            }
        }
        Endpoint reached = client.peer() != null ? client.peer() : target;
        if (reached == null) {
            return -1;
        }
        for (Lifeline lifeline : lifelines) {
            if (lifeline.listening() && lifeline.stream() && lifeline.local() != null
                    && lifeline.local().port() == reached.port()) {
                return lifeline.id();
            }
        }
        return -1;
    }

    /** The datagram socket bound to {@code address}: by port alone for a destination, exactly for a sender. */
    private int datagramSocketAt(Endpoint address, boolean destination) {
        if (address == null) {
            return -1;
        }
        for (Lifeline lifeline : lifelines) {
            if (!lifeline.stream() && lifeline.local() != null
                    && (destination ? lifeline.local().port() == address.port() : lifeline.local().sameAs(address))) {
                return lifeline.id();
            }
        }
        return -1;
    }

    private static int[] peers(List<Lifeline> lifelines) {
        Map<String, Integer> byAddresses = new HashMap<>();
        for (Lifeline lifeline : lifelines) {
            if (lifeline.stream() && lifeline.local() != null && lifeline.peer() != null) {
                byAddresses.putIfAbsent(key(lifeline.local(), lifeline.peer()), lifeline.id());
            }
        }
        int[] peers = new int[lifelines.size()];
        for (Lifeline lifeline : lifelines) {
            Integer other = lifeline.stream() && lifeline.local() != null && lifeline.peer() != null
                    ? byAddresses.get(key(lifeline.peer(), lifeline.local())) : null;
            peers[lifeline.id()] = other == null || other == lifeline.id() ? -1 : other;
        }
        return peers;
    }

    private static String key(Endpoint local, Endpoint peer) {
        return local.plainHost() + ":" + local.port() + "|" + peer.plainHost() + ":" + peer.port();
    }
}
