package io.sockshell.transcript;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The party kinds a run can start, by the name a {@code %party} line gives. The core knows no
 * kind of its own: whoever starts a run says which kinds it offers (the command line and the
 * JUnit helper offer every kind sockshell has, listed in one place, {@code cli.Parties}).
 */
public final class PartyKinds {
    private static final PartyKinds NONE = new PartyKinds(Map.of(), "", List.of());

    private final Map<String, PartyKind> kinds;
    private final String backend;
    private final List<String> backends;

    private PartyKinds(Map<String, PartyKind> kinds, String backend, List<String> backends) {
        this.kinds = kinds;
        this.backend = backend;
        this.backends = backends;
    }

    /** No kind at all; add them with {@link #with}. */
    public static PartyKinds none() {
        return NONE;
    }

    /** These kinds and one more. */
    public PartyKinds with(String name, PartyKind kind) {
        Map<String, PartyKind> more = new LinkedHashMap<>(kinds);
        more.put(name, kind);
        return new PartyKinds(more, backend, backends);
    }

    /**
     * These kinds, whose parties make their sockets on the socket backend {@code inUse}, one of
     * the {@code known} ones: a step's {@code %backend} block for it is what the run expects.
     * Kinds told nothing of backends expect every step's own output.
     */
    public PartyKinds onBackend(String inUse, List<String> known) {
        return new PartyKinds(kinds, inUse, List.copyOf(known));
    }

    PartyKind get(String name) {
        return kinds.get(name);
    }

    Set<String> names() {
        return kinds.keySet();
    }

    /** The backend the parties use, or "" when not told. */
    String backend() {
        return backend;
    }

    /** Every backend there is, or none when not told. */
    List<String> backends() {
        return backends;
    }
}
