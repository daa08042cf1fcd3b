package io.sockshell.cli;

import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import io.sockshell.engine.SocketBackendProvider;
import io.sockshell.engine.SocketBackends;
import io.sockshell.transcript.PartyKinds;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.shell.ShellParty;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every party kind a transcript may declare, by the name its {@code %party} line gives: a
 * sockshell session ({@code shell}, also the party of a transcript without {@code %party}
 * lines) and a replay of scripts ({@code replay}). The one place kinds are registered; a new
 * kind of party is added here.
 */
public final class Parties {
    private Parties() {
    }

    public static PartyKinds all() {
        return PartyKinds.none()
                .with(Transcript.DEFAULT_KIND, ShellParty.kind())
                .with("replay", ReplayParty.kind())
                .onBackend(SocketBackends.standard().name(), backendNames());
    }

    /**
     * Every kind, each party's socket calls recorded into {@code recorder} (a replay's under
     * its programs' names); {@code steps} tells where each step comes from, asked before it runs.
     */
    public static PartyKinds recording(Recorder recorder, Supplier<Source> steps) {
        return PartyKinds.none()
                .with(Transcript.DEFAULT_KIND, ShellParty.recordingKind(recorder, steps))
                .with("replay", ReplayParty.recordingKind(recorder))
                .onBackend(SocketBackends.standard().name(), backendNames());
    }

    private static List<String> backendNames() {
        return SocketBackends.providers().stream().map(SocketBackendProvider::name).toList();
    }
}
