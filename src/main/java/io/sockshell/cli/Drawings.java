package io.sockshell.cli;

import io.sockshell.conversation.Call;
import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import io.sockshell.diagram.HtmlPage;
import io.sockshell.replay.Replay;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs what a diagram is drawn of and records its calls: a transcript or plain script, with
 * every party recording into one recorder; or scripts replayed against each other, each program
 * a party. What ran is told by the recorder, not by the text the run printed.
 */
final class Drawings {
    /** How long a replay may go with nothing happening, as {@code replay}'s default. */
    private static final double REPLAY_WAIT_SECONDS = 30;

    /** What ran: its recorded calls, the texts it came from, and a title. */
    record Drawn(Conversation conversation, List<HtmlPage.Listing> listings, String title) {
    }

    private Drawings() {
    }

    /**
     * Runs a transcript or plain script. Where it stopped early (a step that overran, a capture
     * with no value), the diagram is marked there with the reason.
     */
    static Drawn transcript(Path file, double stepSeconds) throws TranscriptError {
        Transcript transcript = Transcript.read(file);
        List<Integer> lines = transcript.stepLines();
        AtomicInteger step = new AtomicInteger();
        String name = file.toString();
        Recorder recorder = new Recorder();
        TranscriptResult result = new TranscriptRunner(Parties.recording(recorder, () -> {
            int index = step.getAndIncrement();
            return index < lines.size() ? new Source(name, lines.get(index)) : null;
        }), stepSeconds).run(transcript);
        Conversation recorded = recorder.snapshot();
        for (TranscriptResult.Problem problem : result.problems()) {
            String text = "stopped here: " + (problem.line() > 0 ? "line " + problem.line() + ": " : "")
                    + problem.sentence();
            long after = stoppedAfter(recorded, problem.line());
            if (after < 0) {
                recorder.mark(text);
            } else {
                recorder.mark(text, after + 1);
            }
        }
        List<HtmlPage.Listing> listings = new ArrayList<>();
        listings.add(listing(file));
        for (String script : replayedScripts(recorder.snapshot())) {
            listings.add(listing(Path.of(script)));
        }
        return new Drawn(recorder.snapshot(), listings, file.getFileName().toString());
    }

    /**
     * When the last call of the step at {@code line} ended (or began, if it never ended), so
     * the mark goes right after it, before what closing the parties did; -1 if it made none.
     */
    private static long stoppedAfter(Conversation conversation, int line) {
        long last = -1;
        for (Call call : conversation.calls()) {
            if (call.source() != null && call.source().line() == line) {
                last = Math.max(last, call.finished() ? call.end() : call.begin());
            }
        }
        return last;
    }

    /** Replays scripts, each followed by its arguments, as {@code replay} takes them. */
    static Drawn replay(List<String> words, List<String> input) {
        List<Replay.ScriptCall> calls = ReplayCommand.scriptCalls(words);
        Recorder recorder = new Recorder();
        StringWriter printed = new StringWriter();
        Replay.Settings settings = new Replay.Settings(false, true, false, REPLAY_WAIT_SECONDS, input);
        int status = new Replay(settings, calls, new BufferedReader(new StringReader("")), false,
                new PrintWriter(printed, true)).recordInto(recorder).run();
        if (status != 0) {
            String[] output = printed.toString().strip().split("\n");
            recorder.mark("stopped here: the replay ended with status " + status + ": " + output[output.length - 1]);
        }
        List<HtmlPage.Listing> listings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Replay.ScriptCall call : calls) {
            listings.add(listing(call.script()));
            names.add(call.script().getFileName().toString());
        }
        return new Drawn(recorder.snapshot(), listings, String.join(" against ", names));
    }

    /** Scripts whose lines the calls came from (the replays within a transcript), in order. */
    private static Set<String> replayedScripts(Conversation conversation) {
        Set<String> scripts = new LinkedHashSet<>();
        for (Call call : conversation.calls()) {
            if (call.source() != null && call.source().file() != null && call.source().file().endsWith(".jsh")) {
                scripts.add(call.source().file());
            }
        }
        return scripts;
    }

    /** A file's lines for the page beside the diagram; a file that cannot be read shows why instead. */
    private static HtmlPage.Listing listing(Path file) {
        try {
            return new HtmlPage.Listing(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new HtmlPage.Listing(file.toString(), List.of("(cannot be read: " + e.getMessage() + ")"));
        }
    }
}
