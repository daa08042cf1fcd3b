package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.transcript.Party;
import io.sockshell.transcript.PartyKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transcript party that replays scripts: its input lines, its output, and being cut short. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayPartyTest {
    @Test
    void aReplayPartyTakesNoArguments() {
        PartyKind.PartyStartException refused = assertThrows(PartyKind.PartyStartException.class,
                () -> ReplayParty.kind().start("r", List.of("tms.jsh"), Path.of(".")));
        assertEquals("a replay party takes no arguments, but got: tms.jsh", refused.getMessage());
    }

    @Test
    void aLineThatIsNotAReplayIsRefusedAndRunsNothing() throws Exception {
        try (Party party = ReplayParty.kind().start("r", List.of(), Path.of("."))) {
            Party.Output output = party.execute("socket s");
            assertTrue(output.failed());
            assertEquals("a replay party runs 'replay ARGS...' lines, not: socket s\n", output.text());
        }
    }

    @Test
    void aReplayEndsWithItsExitStatus() throws Exception {
        try (Party party = ReplayParty.kind().start("r", List.of(), Path.of("."))) {
            Party.Output output = party.execute("replay --stable --color=never jshell-scripts/no-such-script.jsh");
            assertTrue(output.failed());
            assertTrue(output.text().endsWith("[exit 2]\n"), output.text());
        }
    }

    @Test
    void cancelStopsAReplayThatWaitsForAPeer() throws Exception {
        try (Party party = ReplayParty.kind().start("r", List.of(), Path.of("."))) {
            CompletableFuture<Party.Output> waiting = CompletableFuture.supplyAsync(
                    () -> party.execute("replay --stable --color=never --wait 0 jshell-scripts/tms.jsh 0"));
            Party.Output output = null;
            while (output == null) {
                party.cancel();
                try {
                    output = waiting.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillStarting) {
                    // The replay may not have started when cancel came; ask again.
                }
            }
            assertTrue(output.text().contains("the transcript step ran past its bound"), output.text());
        }
    }
}
