package io.sockshell.cli;

import io.sockshell.transcript.PartyKinds;

/** Every party kind a transcript may declare: a shell session, and a replay of scripts. */
public final class Parties {
    private Parties() {
    }

    public static PartyKinds all() {
        return PartyKinds.standard().with("replay", ReplayParty.kind());
    }
}
