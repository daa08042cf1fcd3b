package io.sockshell.cli;

import io.sockshell.engine.SocketBackends;
import io.sockshell.conversation.Source;
import io.sockshell.diagram.Diagrams;
import io.sockshell.replay.ReplayException;
import io.sockshell.transcript.TranscriptError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockshell diagram}: runs transcripts, scripts or replays and draws the calls they made. */
@Command(name = "diagram",
        description = {"Run transcripts, plain scripts or replays (.jsh scripts, each followed by its arguments,"
                + " as replay takes them) and draw what happened as a sequence diagram: a lifeline per socket,"
                + " grouped by party or program; connect and accept as the handshake; data as arrows with size and"
                + " preview; close as FIN (x for a reset); a call that waited as a heavy bar until what released it;"
                + " repeated exchanges folded into loops. A run that stops early is drawn up to where it stopped.",
            "Drawn from the calls as they were made, not from the text printed. Ports are shown as PORT, EPH1, ...",
            "so every run draws the same picture; --ports shows the numbers."},
        footer = {"", "Examples:",
            "  sockshell diagram transcripts/echo-pair.t",
            "  sockshell diagram --format svg -o echo.svg jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:",
            "  sockshell diagram --docs        (writes docs/diagrams from the lesson transcripts)",
            "", "Exit status: 0 drawn, 1 drawn but the run stopped early, 2 bad usage or a file that cannot be read."})
final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Transcripts or scripts; or .jsh scripts with their arguments.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), mermaid, svg or html (the SVG beside the text it was drawn from).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to OUT instead of standard output; a folder when several transcripts are given.")
    Path output;

    @Option(names = "--ascii", description = "Text in plain ASCII instead of box drawing.")
    boolean ascii;

    @Option(names = {"-w", "--width"}, paramLabel = "COLUMNS",
            description = "Fit text in COLUMNS (default: $COLUMNS, else 80).")
    Integer width;

    @Option(names = "--ports", description = "Show port numbers instead of PORT, EPH1, ...")
    boolean ports;

    @Option(names = {"-i", "--input"}, paramLabel = "[LABEL:]LINE", description = "A keyboard line for a replay, as replay's --input.")
    List<String> input = new ArrayList<>();

    @Option(names = "--docs", description = "Write docs/diagrams: an SVG of every lesson transcript, and an index.")
    boolean docs;

    @Mixin
    StepTimeoutOption timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (docs) {
                if (!words.isEmpty()) {
                    return usage(err, "--docs draws the lesson transcripts; give no files with it");
                }
                if (!DiagramDocs.BACKEND.equals(SocketBackends.standard().name())) {
                    return usage(err, "--docs draws on the " + DiagramDocs.BACKEND + " backend, as the committed"
                            + " diagrams were drawn; this run has " + SocketBackends.standard().name()
                            + " (run it on JDK 22+)");
                }
                out.println("wrote " + DiagramDocs.write() + " diagrams and an index to " + DiagramDocs.FOLDER);
                out.flush();
                return 0;
            }
            if (words.isEmpty()) {
                return usage(err, "give a transcript, a script, or .jsh scripts to replay (or --docs)");
            }
            Diagrams.Format chosen = Diagrams.Format.named(format);
            int columns = width != null ? width : terminalColumns();
            if (columns < 20) {
                return usage(err, "--width must be at least 20 columns, not " + columns);
            }
            List<Drawings.Drawn> drawings = new ArrayList<>();
            if (words.stream().anyMatch(word -> word.endsWith(".jsh"))) {
                drawings.add(Drawings.replay(words, input));
            } else {
                for (String file : words) {
                    drawings.add(Drawings.transcript(Path.of(file), timeout.seconds));
                }
            }
            if (drawings.size() > 1 && output != null && !Files.isDirectory(output)) {
                return usage(err, "with several transcripts, -o must name an existing folder");
            }
            boolean stopped = false;
            for (Drawings.Drawn drawn : drawings) {
                Path target = output == null ? null
                        : drawings.size() > 1 ? output.resolve(drawn.title().replaceAll("\\.[^.]*$", "") + chosen.extension())
                        : output;
                String text = Diagrams.draw(drawn.conversation(), new Diagrams.Settings(chosen, ascii, columns, !ports,
                        drawn.title(), links(target), drawn.listings()));
                if (target == null) {
                    out.print(text);
                } else {
                    Diagrams.write(target, text);
                    err.println("wrote " + target);
                }
                stopped |= drawn.conversation().marks().stream().anyMatch(mark -> mark.text().startsWith("stopped"));
            }
            out.flush();
            err.flush();
            return stopped ? 1 : 0;
        } catch (IllegalArgumentException | ReplayException e) {
            return usage(err, e.getMessage());
        } catch (TranscriptError e) {
            return usage(err, e.getMessage());
        } catch (IOException e) {
            return usage(err, "cannot write " + output + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            return usage(err, e.getCause().getMessage());
        }
    }

    /** Links from the written file's folder (or the current one) to each source line. */
    private static Function<Source, String> links(Path target) {
        Path from = target == null || target.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath()
                : target.toAbsolutePath().getParent();
        return source -> source.file() == null ? null
                : from.relativize(Path.of(source.file()).toAbsolutePath()).toString().replace('\\', '/') + "#L"
                        + source.line();
    }

    private static int terminalColumns() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? 80 : Integer.parseInt(columns.strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("sockshell diagram: " + message);
        err.flush();
        return 2;
    }
}
