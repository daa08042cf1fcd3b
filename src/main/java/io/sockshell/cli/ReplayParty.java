package io.sockshell.cli;

import io.sockshell.conversation.Recorder;
import io.sockshell.transcript.Party;
import io.sockshell.transcript.PartyKind;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * A transcript party that replays scripts: each line of input is a {@code replay ...} command
 * line, run in this JVM as {@code sockshell replay} would run it, with no keyboard (give
 * keyboard lines with {@code --input}). What it prints, errors included, is the step's output,
 * ending with {@code [exit N]}, so a transcript also pins down how a replay ends.
 */
public final class ReplayParty implements Party {
    private static final String COMMAND = "replay";

    private volatile ReplayCommand running;
    /** Where the replayed programs' calls are recorded, or null. */
    private final Recorder recorder;

    private ReplayParty(Recorder recorder) {
        this.recorder = recorder;
    }

    /** The kind, for {@code %party NAME replay}; it takes no arguments. */
    public static PartyKind kind() {
        return PartyKind.withoutArguments(COMMAND, () -> new ReplayParty(null));
    }

    /** The kind with the calls of every program it replays recorded into {@code recorder}, each program a party. */
    static PartyKind recordingKind(Recorder recorder) {
        return PartyKind.withoutArguments(COMMAND, () -> new ReplayParty(recorder));
    }

    @Override
    public Output execute(String input) {
        List<String> words = Arrays.asList(input.strip().split("\\s+"));
        if (!words.get(0).equals(COMMAND)) {
            return new Output("a replay party runs 'replay ARGS...' lines, not: " + input + "\n", true);
        }
        StringWriter printed = new StringWriter();
        PrintWriter writer = new PrintWriter(printed, true);
        ReplayCommand command = new ReplayCommand(new ByteArrayInputStream(new byte[0]), false);
        command.recordInto(recorder);
        running = command;
        int status;
        try {
            CommandLine line = new CommandLine(command);
            line.setOut(writer);
            line.setErr(writer);
            status = line.execute(words.subList(1, words.size()).toArray(String[]::new));
        } finally {
            running = null;
        }
        writer.println("[exit " + status + "]");
        return new Output(printed.toString(), status != 0);
    }

    @Override
    public void cancel() {
        ReplayCommand command = running;
        if (command != null) {
            command.stop("the transcript step ran past its bound");
        }
    }

    /** A replay closes what its programs leave open, and says so in its output. */
    @Override
    public List<String> leftovers() {
        return List.of();
    }

    @Override
    public void close() {
        cancel();
    }
}
