package io.sockshell.export;

import io.sockshell.command.Commands;
import io.sockshell.command.LinkCommand;
import io.sockshell.command.ProgramCommand;
import io.sockshell.transcript.ExportStep;
import io.sockshell.transcript.PartyDeclaration;
import io.sockshell.transcript.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session as a python3 program: the same socket calls in the same order, written as the
 * tutorial writes them ({@code conn, addr = s.accept()}, {@code s.makefile('rb')},
 * {@code select.select(...)}), each printing what the shell printed for it. A transcript's
 * parties become blocks of one program, each headed by its name; a job ({@code &}) becomes a
 * thread whose result is printed at its party's {@code wait}; captures become variables read
 * back from the program's own output. Commands with no Python equivalent, and steps a
 * transcript marks {@code %python skip}, become comments.
 *
 * <p>The program prints a marker line before each exported step when its environment has
 * {@code SOCKSHELL_STEP_MARKS=1}, so a judge can cut its output into the steps'
 * outputs; {@link Program#markedSteps()} says which step each marker starts.
 */
public final class PythonExport {
    /** The line the program prints before each step when asked to mark them. */
    public static final String STEP_MARK = "\u001e";
    /** The environment variable that asks for the marks. */
    public static final String MARKS_VARIABLE = "SOCKSHELL_STEP_MARKS";

    private static final String PRELUDE = prelude();

    private PythonExport() {
    }

    /**
     * An exported program.
     *
     * @param source      the program's text
     * @param markedSteps the step numbers of the exported steps, in order: the program's n-th
     *                    marker starts the output of {@code markedSteps.get(n)}
     * @param unexported  the steps that became comments without a {@code %python skip} mark, with
     *                    why: a command with no Python equivalent, or one the shell refuses
     */
    public record Program(String source, List<Integer> markedSteps, Map<Integer, String> unexported) {
        public Program {
            markedSteps = List.copyOf(markedSteps);
            unexported = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unexported));
        }
    }

    /**
     * The commands that start a shell object the later steps talk to (a program) or through (a
     * link, which changes what every recv through it returns), with what they start.
     */
    private static final Map<Class<?>, String> STARTS_A_HOLDING = Map.of(
            ProgramCommand.class, "a program", LinkCommand.class, "a link");

    /**
     * Why a transcript has no export, if it has none: a party that is not a shell (a replay), or
     * a step that starts a program or a link. Those steps have no Python call, and the steps
     * after them talk to that program or through that link, so leaving it out would change what
     * they print.
     */
    public static Optional<String> noExport(Transcript transcript) {
        for (PartyDeclaration party : transcript.parties().values()) {
            if (!party.kind().equals(Transcript.DEFAULT_KIND)) {
                return Optional.of("party '" + party.name() + "' is a " + party.kind() + " party, which has no Python export");
            }
        }
        Map<String, ?> commands = Commands.byName();
        for (ExportStep step : transcript.exportSteps()) {
            String starts = STARTS_A_HOLDING.get(commands.get(step.command().strip().split("\\s+", 2)[0]));
            if (starts != null) {
                return Optional.of("step " + step.number() + " (" + step.display() + ") starts " + starts
                        + ", which has no Python export");
            }
        }
        return Optional.empty();
    }

    /** The program of a transcript, a recorded session or a plain script. */
    public static Program of(Transcript transcript) {
        String title = transcript.file().getFileName().toString();
        return write(title, List.copyOf(transcript.parties().keySet()), transcript.exportSteps(),
                transcript.carriedFiles());
    }

    /** The program of the lines a shell session ran, in order. */
    public static Program ofLines(String title, List<String> lines) {
        List<ExportStep> steps = new ArrayList<>(lines.size());
        for (String line : lines) {
            steps.add(new ExportStep(steps.size() + 1, steps.size() + 1, Transcript.DEFAULT_PARTY, line, List.of(line),
                    null, Map.of(), List.of()));
        }
        return write(title, List.of(Transcript.DEFAULT_PARTY), steps, Map.of());
    }

    private static Program write(String title, List<String> parties, List<ExportStep> steps, Map<String, String> files) {
        Translator translator = new Translator(parties, files);
        StringBuilder body = new StringBuilder(steps.size() * 48);
        List<Integer> marked = new ArrayList<>(steps.size());
        Map<Integer, String> unexported = new java.util.LinkedHashMap<>();
        String party = null;
        for (ExportStep step : steps) {
            boolean newParty = parties.size() > 1 && !step.party().equals(party);
            if (newParty || !step.comments().isEmpty()) {
                body.append('\n');
            }
            for (String comment : step.comments()) {
                body.append(comment).append('\n');
            }
            if (newParty) {
                body.append("# --- ").append(step.party()).append(" ---\n");
                party = step.party();
            }
            String left = translator.translate(step, body);
            if (left == null) {
                marked.add(step.number());
            } else if (step.pythonSkip() == null && !left.isEmpty()) {
                unexported.put(step.number(), left);
            }
        }
        StringBuilder program = new StringBuilder(PRELUDE.length() + body.length() + 512);
        program.append("#!/usr/bin/env python3\n")
                .append("# ").append(title.replace('\n', ' ')).append(", exported by sockshell (export --python).\n")
                .append("# Run it with python3: it makes the session's socket calls and prints what the shell printed.\n\n")
                .append(PRELUDE)
                .append("\n\n# The session.\n\n");
        translator.header(program);
        program.append(body);
        return new Program(program.toString(), marked, unexported);
    }

    private static String prelude() {
        try (InputStream in = PythonExport.class.getResourceAsStream("prelude.py")) {
            if (in == null) {
                throw new IllegalStateException("prelude.py is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
