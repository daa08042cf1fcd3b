package io.sockshell.transcript;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The party kinds a run can start, by the name a {@code %party} line gives. {@code shell}, a
 * sockshell session, is always there; other drivers (such as a replay of a program whose
 * keyboard input the transcript types) add theirs with {@link #with}.
 */
public final class PartyKinds {
    private final Map<String, PartyKind> kinds;

    private PartyKinds(Map<String, PartyKind> kinds) {
        this.kinds = kinds;
    }

    /** Just {@code shell}. */
    public static PartyKinds standard() {
        Map<String, PartyKind> kinds = new LinkedHashMap<>();
        kinds.put(Transcript.DEFAULT_KIND, (name, arguments, directory) -> ShellParty.start(arguments));
        return new PartyKinds(kinds);
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
