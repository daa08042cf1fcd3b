package io.sockshell.cli;

import io.sockshell.transcript.PartyKinds;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.shell.ShellParty;

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
                .with("replay", ReplayParty.kind());
    }
}
