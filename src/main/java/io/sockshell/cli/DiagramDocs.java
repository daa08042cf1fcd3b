package io.sockshell.cli;

import io.sockshell.conversation.Source;
import io.sockshell.diagram.Diagrams;
import io.sockshell.transcript.TranscriptError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The diagrams in docs/diagrams: one SVG for every lesson transcript (each replay pair among
 * them, which shows both programs' lifelines), with an index page, all made from runs of the
 * transcripts by {@code sockshell diagram --docs}. A test makes them again and compares, as
 * for docs/commands.md, so they never go stale.
 */
final class DiagramDocs {
    static final Path FOLDER = Path.of("docs", "diagrams");
    private static final Path TRANSCRIPTS = Path.of("transcripts");
    /**
     * Lessons whose data is live, so that no two runs draw the same picture: w's output (uptime,
     * load), how the kernel splits a megabyte between recv calls, and the AF_UNIX lessons' paths,
     * which carry a port the run holds so that overlapping runs do not meet. Their diagrams show
     * one run; the staleness check only asks that they are there.
     */
    static final Set<String> LIVE_DATA = Set.of("replay-w-ps.t", "replay-send-vs-sendall.t", "unix-echo.t",
            "replay-unix-echo-pair.t");
    /**
     * The backend the committed diagrams are drawn on. The kernel's own answers differ from the
     * NIO backend's at the edges some lessons reach (the port a refused connect leaves, for one),
     * and the picture with them; posix gives CPython's, so the docs show those.
     */
    static final String BACKEND = "posix";
    /** A step of a lesson may take this long: the replays start JShell, and CI machines are slow. */
    private static final double STEP_SECONDS = 60;

    private DiagramDocs() {
    }

    /**
     * The lesson transcripts, by name: every transcript but those that show bad input to
     * replay ({@code replay-bad-*}), those that test the diagram command itself, and those that
     * drive programs ({@code program-*}): a program's calls are not recorded, so their diagram
     * would be the shell's side alone.
     */
    static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(TRANSCRIPTS)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".t") && !name.startsWith("replay-bad-") && !name.startsWith("program-")
                        && !name.startsWith("diagram-");
            }).sorted().toList();
        }
    }

    /** Each file of docs/diagrams as it should be, by its name there. */
    static Map<String, String> generate() throws IOException, TranscriptError {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> index = new ArrayList<>();
        index.add("# Diagrams of the lessons");
        index.add("");
        index.add("Each lesson transcript in [`transcripts/`](../../transcripts), run and drawn by");
        index.add("`./sockshell diagram --docs`, which writes this folder; a test checks that it is current.");
        index.add("A heavy bar is a call that waited, until the arrow that released it; numbers in the margin");
        index.add("link to the transcript's (or the script's) line.");
        for (Path transcript : lessons()) {
            String name = transcript.getFileName().toString().replaceAll("\\.t$", "");
            Drawings.Drawn drawn = Drawings.transcript(transcript, STEP_SECONDS);
            files.put(name + ".svg", Diagrams.draw(drawn.conversation(), new Diagrams.Settings(Diagrams.Format.SVG,
                    false, 0, true, drawn.title(), DiagramDocs::link, List.of())));
            index.add("");
            index.add("## " + transcript.getFileName());
            index.add("");
            if (LIVE_DATA.contains(transcript.getFileName().toString())) {
                index.add("One run of it: its data differs from run to run.");
                index.add("");
            }
            index.add("![" + transcript.getFileName() + "](" + name + ".svg)");
        }
        files.put("README.md", String.join("\n", index) + "\n");
        return files;
    }

    /** Writes docs/diagrams afresh; returns how many diagrams it holds. */
    static int write() throws IOException, TranscriptError {
        Map<String, String> files = generate();
        Files.createDirectories(FOLDER);
        try (Stream<Path> old = Files.list(FOLDER)) {
            for (Path file : old.toList()) {
                if (!files.containsKey(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(FOLDER.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return files.size() - 1;
    }

    /** A source line as seen from docs/diagrams: the transcript or script, two folders up. */
    private static String link(Source source) {
        return source.file() == null ? null : "../../" + source.file().replace('\\', '/') + "#L" + source.line();
    }
}
