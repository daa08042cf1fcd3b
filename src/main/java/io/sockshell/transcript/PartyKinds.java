package io.sockshell.transcript;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The party kinds a run can start, by the name a {@code %party} line gives. The core knows no
 * kind of its own: whoever starts a run says which kinds it offers (the command line and the
 * JUnit helper offer every kind sockshell has, listed in one place, {@code cli.Parties}).
 */
public final class PartyKinds {
    private static final PartyKinds NONE = new PartyKinds(Map.of());

    private final Map<String, PartyKind> kinds;

    private PartyKinds(Map<String, PartyKind> kinds) {
        this.kinds = kinds;
    }

    /** No kind at all; add them with {@link #with}. */
    public static PartyKinds none() {
        return NONE;
    }

    /** These kinds and one more. */
    public PartyKinds with(String name, PartyKind kind) {
        Map<String, PartyKind> more = new LinkedHashMap<>(kinds);
        more.put(name, kind);
        return new PartyKinds(more);
    }

    PartyKind get(String name) {
        return kinds.get(name);
    }

    Set<String> names() {
        return kinds.keySet();
    }
}
