package io.sockshell.transcript;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed transcript: commands, each after its party's prompt, with the output expected of
 * them; comments, blank lines and directives. See {@code transcripts/README.md} for the format.
 * A file with no prompt at all is a plain script (one command a line), which only {@code run}
 * accepts.
 */
public final class Transcript {
    /** The file name ending that marks a transcript. */
    public static final String EXTENSION = ".t";
    /** The party of a transcript that declares none, named after the shell's own prompt. */
    public static final String DEFAULT_PARTY = "sockshell";
    /** The party kind a {@code %party} line gets when it names none. */
    public static final String DEFAULT_KIND = "shell";
    static final Pattern PROMPT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)>(?: (.*))?");

    /** Whether a line is a prompt line; most lines have no '>' at all, and a regex per line shows in long scripts. */
    static boolean isPrompt(String line) {
        return line.indexOf('>') > 0 && PROMPT.matcher(line).matches();
    }
    private static final Pattern PARTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern BACKEND_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final String DIRECTIVES = "%party, %timeout, %interrupt, %file, %endfile, %leftovers, %python, %backend";

    private final Path file;
    private final List<String> lines;
    private final boolean finalNewline;
    private final boolean plainScript;
    private final Map<String, PartyDeclaration> parties;
    private final Map<String, String> files;
    private final List<Step> steps;
    private final LeftoversBlock leftovers;

    private Transcript(Parser parser) {
        this(parser.file, parser.lines, parser.finalNewline, parser.plainScript, parser.parties, parser.files,
                List.copyOf(parser.steps), parser.leftovers);
    }

    private Transcript(Path file, List<String> lines, boolean finalNewline, boolean plainScript,
            Map<String, PartyDeclaration> parties, Map<String, String> files, List<Step> steps, LeftoversBlock leftovers) {
        this.file = file;
        this.lines = lines;
        this.finalNewline = finalNewline;
        this.plainScript = plainScript;
        this.parties = parties;
        this.files = files;
        this.steps = steps;
        this.leftovers = leftovers;
    }

    /**
     * The transcript as a run on {@code backend} checks it: each step with a {@code %backend}
     * block for it expects that block's output instead of its own. A block naming none of the
     * {@code known} backends is an error; with no backend known (a runner told nothing), every
     * step expects its own output.
     */
    Transcript on(String backend, Collection<String> known) throws TranscriptError {
        if (known.isEmpty()) {
            return this;
        }
        List<Step> resolved = new ArrayList<>(steps.size());
        for (Step step : steps) {
            for (Step.BackendOutput output : step.backendOutputs()) {
                if (!known.contains(output.backend())) {
                    throw new TranscriptError(file, output.directiveLine(), "%backend " + output.backend()
                            + " names no backend (there are: " + String.join(", ", known) + ")");
                }
            }
            resolved.add(step.on(backend));
        }
        return new Transcript(file, lines, finalNewline, plainScript, parties, files, List.copyOf(resolved), leftovers);
    }

    /** Reads and parses {@code file}; a missing or unreadable file is a {@link TranscriptError}. */
    public static Transcript read(Path file) throws TranscriptError {
        if (!Files.exists(file)) {
            throw new TranscriptError(file, 0, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new TranscriptError(file, 0, "is not a file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TranscriptError(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new TranscriptError(file, 0, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    /** Parses {@code text} as the contents of {@code file}. */
    public static Transcript parse(Path file, String text) throws TranscriptError {
        return new Transcript(new Parser(file, text).parse());
    }

    public Path file() {
        return file;
    }

    /** True for a file with no prompts: every line is a command of the default party. */
    public boolean isPlainScript() {
        return plainScript;
    }

    /** Fails unless this is a transcript with at least one command, as {@code check} needs. */
    public void requireCommands() throws TranscriptError {
        if (plainScript || steps.isEmpty()) {
            throw new TranscriptError(file, 0, "has no command lines; a transcript's commands start with a prompt,"
                    + " as in 'sockshell> socket s'");
        }
    }

    List<String> lines() {
        return lines;
    }

    boolean finalNewline() {
        return finalNewline;
    }

    /** Declared parties in declaration order; the default party when none is declared. */
    public Map<String, PartyDeclaration> parties() {
        return parties;
    }

    /** Files carried in the transcript ({@code %file NAME}), by name. */
    Map<String, String> files() {
        return files;
    }

    List<Step> steps() {
        return steps;
    }

    public int stepCount() {
        return steps.size();
    }

    /** The line of each step's command, in the order the steps run. */
    public List<Integer> stepLines() {
        List<Integer> numbers = new ArrayList<>(steps.size());
        for (Step step : steps) {
            numbers.add(step.line());
        }
        return numbers;
    }

    /** Every step as a program exporting this transcript sees it. */
    public List<ExportStep> exportSteps() {
        List<ExportStep> views = new ArrayList<>(steps.size());
        for (Step step : steps) {
            views.add(step.exportView());
        }
        return views;
    }

    /** The files carried in the transcript ({@code %file NAME}), by name, in the order written. */
    public Map<String, String> carriedFiles() {
        return files;
    }

    /** The {@code %leftovers} block, or null when the transcript expects nothing left open. */
    LeftoversBlock leftovers() {
        return leftovers;
    }

    private static final class Parser {
        final Path file;
        final List<String> lines;
        final boolean finalNewline;
        final boolean plainScript;
        final Map<String, PartyDeclaration> parties = new LinkedHashMap<>();
        final Map<String, String> files = new LinkedHashMap<>();
        final List<Step> steps = new ArrayList<>();
        final Map<String, Integer> boundAt = new HashMap<>();
        double timeout;
        /** Set by {@code %interrupt}: the command on the next line gets a Ctrl-C once it blocks. */
        boolean interruptNext;
        LeftoversBlock leftovers;
        /** The reason of a {@code %python skip} line waiting for the step below it, or null. */
        String pythonSkip;
        int pythonSkipLine;
        /** The comment lines since the last step, which the next step takes as its own. */
        final List<String> comments = new ArrayList<>();

        Parser(Path file, String text) {
            this.file = file;
            String normalized = text.replace("\r\n", "\n");
            this.finalNewline = normalized.endsWith("\n");
            String body = finalNewline ? normalized.substring(0, normalized.length() - 1) : normalized;
            this.lines = body.isEmpty() ? List.of() : List.of(body.split("\n", -1));
            this.plainScript = noPromptOrDirective(lines);
        }

        /*
         * The loops over every line of a long script run once each, so the JIT never compiles
         * them: their bodies stay small and hand each line to a method it does compile.
         */

        private static boolean noPromptOrDirective(List<String> lines) {
            for (String line : lines) {
                if (isPromptOrDirective(line)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isPromptOrDirective(String line) {
            return isPrompt(line) || line.startsWith("%");
        }

        Parser parse() throws TranscriptError {
            if (plainScript) {
                parsePlainScript();
            } else {
                int i = 0;
                while (i < lines.size()) {
                    i = parseLine(i);
                }
            }
            if (pythonSkip != null) {
                throw error(pythonSkipLine - 1, "%python skip marks no command: it must stand right above one");
            }
            if (parties.isEmpty()) {
                parties.put(DEFAULT_PARTY, new PartyDeclaration(DEFAULT_PARTY, DEFAULT_KIND, List.of(), 0));
            }
            return this;
        }

        private void parsePlainScript() throws TranscriptError {
            for (int i = 0; i < lines.size(); i++) {
                plainLine(i);
            }
        }

        private void plainLine(int i) throws TranscriptError {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                comments.add(line);
            } else if (!line.isBlank()) {
                CommandTemplate command = CommandTemplate.parse(line, problem(i));
                checkBound(command.uses(), i);
                steps.add(new Step(steps.size() + 1, i + 1, DEFAULT_PARTY, command, List.of(), i + 1, timeout, null,
                        takeComments(), false, List.of()));
            }
        }

        /** Parses the construct starting at line {@code i}; returns the index of the line after it. */
        private int parseLine(int i) throws TranscriptError {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                comments.add(line);
                return i + 1;
            }
            if (line.isBlank()) {
                if (!comments.isEmpty() && !comments.get(comments.size() - 1).isEmpty()) {
                    comments.add("");
                }
                return i + 1;
            }
            if (line.startsWith("%")) {
                return directive(i);
            }
            Matcher prompt = PROMPT.matcher(line);
            if (prompt.matches()) {
                return step(i, prompt.group(1), prompt.group(2) == null ? "" : prompt.group(2));
            }
            throw error(i, "output line with no command above it (a blank line or comment ends a command's output;"
                    + " write a blank output line as \\ and an output line that starts with # as \\#)");
        }

        private int step(int i, String party, String text) throws TranscriptError {
            checkParty(party, i);
            CommandTemplate command = CommandTemplate.parse(text, problem(i));
            checkBound(command.uses(), i);
            List<ExpectedLine> expected = new ArrayList<>();
            int next = i + 1;
            while (next < lines.size() && isOutput(lines.get(next))) {
                expected.add(expectedLine(next));
                next++;
            }
            steps.add(new Step(steps.size() + 1, i + 1, party, command, List.copyOf(expected), i + 1, timeout,
                    pythonSkip, takeComments(), interruptNext, List.of()));
            pythonSkip = null;
            interruptNext = false;
            return next;
        }

        private static boolean isOutput(String line) {
            return !line.isBlank() && !line.startsWith("#") && !line.startsWith("%") && !isPrompt(line);
        }

        private ExpectedLine expectedLine(int i) throws TranscriptError {
            return expectedLine(i, true);
        }

        /** An expected output line; one in a {@code %backend} block ({@code mayBind} false) binds no capture. */
        private ExpectedLine expectedLine(int i, boolean mayBind) throws TranscriptError {
            String source = lines.get(i);
            boolean escaped = source.startsWith("\\");
            String body = escaped ? source.substring(1) : source;
            if (!escaped && body.equals(AnyLines.MARK)) {
                return new AnyLines(source, i + 1);
            }
            MatchLine line = MatchLine.parse(source, body, i + 1, problem(i));
            checkBound(line.uses(), i);
            if (!mayBind && !line.bindings().isEmpty()) {
                String name = line.bindings().get(0);
                throw error(i, "a %backend block cannot bind a capture ([[" + name + ":...]]): on the other backends it"
                        + " would have no value; bind it in the command's own output, or match it with a pattern");
            }
            for (String name : line.bindings()) {
                Integer earlier = boundAt.putIfAbsent(name, i + 1);
                if (earlier != null) {
                    throw error(i, "capture '" + name + "' is already bound at line " + earlier
                            + "; use [[" + name + "]] to match its value again");
                }
            }
            return line;
        }

        private void checkBound(Collection<String> uses, int i) throws TranscriptError {
            for (String name : uses) {
                if (!boundAt.containsKey(name)) {
                    throw error(i, "capture [[" + name + "]] is used before it is bound"
                            + " (bind it in earlier expected output, as in [[" + name + ":\\d+]])");
                }
            }
        }

        private void checkParty(String party, int i) throws TranscriptError {
            if (parties.isEmpty() && !party.equals(DEFAULT_PARTY)) {
                throw error(i, "party '" + party + "' is not declared; add '%party " + party
                        + "' above the first command (without %party lines the only party is '" + DEFAULT_PARTY + "')");
            }
            if (!parties.isEmpty() && !parties.containsKey(party)) {
                throw error(i, "party '" + party + "' is not declared (declared: "
                        + String.join(", ", parties.keySet()) + "); add '%party " + party + "' above the first command");
            }
        }

        private int directive(int i) throws TranscriptError {
            String[] words = lines.get(i).substring(1).strip().split("\\s+");
            List<String> arguments = Arrays.asList(words).subList(1, words.length);
            switch (words[0]) {
                case "party" -> party(i, arguments);
                case "timeout" -> timeout = timeout(i, arguments);
                case "interrupt" -> interruptNext = interrupt(i, arguments);
                case "file" -> {
                    return embeddedFile(i, arguments);
                }
                case "endfile" -> throw error(i, "%endfile without a %file above it");
                case "leftovers" -> {
                    return leftoversBlock(i, arguments);
                }
                case "python" -> pythonSkip(i, arguments);
                case "backend" -> {
                    return backendOutput(i, arguments);
                }
                case "" -> throw error(i, "a line starting with % is a directive, but no directive is named"
                        + " (write output that starts with % as \\%)");
                default -> throw error(i, "unknown directive %" + words[0] + " (known: " + DIRECTIVES + ")");
            }
            return i + 1;
        }

        /**
         * {@code %backend NAME} stands right below a command's expected output (or below another
         * {@code %backend} block of it); the output lines below it are what the command prints on
         * backend NAME instead.
         */
        private int backendOutput(int i, List<String> arguments) throws TranscriptError {
            if (arguments.size() != 1 || !BACKEND_NAME.matcher(arguments.get(0)).matches()) {
                throw error(i, "%backend needs one backend name, as in %backend nio");
            }
            String backend = arguments.get(0);
            Step step = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (step == null || step.blocksEnd() != i) {
                throw error(i, "%backend " + backend + " must stand right below a command's expected output:"
                        + " the lines below it are what that command prints instead on the " + backend + " backend");
            }
            for (Step.BackendOutput earlier : step.backendOutputs()) {
                if (earlier.backend().equals(backend)) {
                    throw error(i, "%backend " + backend + " is given twice for the command at line " + step.line()
                            + " (the first at line " + earlier.directiveLine() + ")");
                }
            }
            List<ExpectedLine> expected = new ArrayList<>();
            int next = i + 1;
            while (next < lines.size() && isOutput(lines.get(next))) {
                expected.add(expectedLine(next, false));
                next++;
            }
            steps.set(steps.size() - 1, step.withBackendOutput(new Step.BackendOutput(backend, i + 1, List.copyOf(expected))));
            return next;
        }

        /** {@code %interrupt} stands right above the command it interrupts. */
        private boolean interrupt(int i, List<String> arguments) throws TranscriptError {
            if (!arguments.isEmpty() || i + 1 >= lines.size() || !isPrompt(lines.get(i + 1))) {
                throw error(i, "%interrupt takes no arguments and stands right above the command it interrupts"
                        + " (with Ctrl-C, once the command blocks)");
            }
            return true;
        }

        private void party(int i, List<String> arguments) throws TranscriptError {
            if (arguments.isEmpty()) {
                throw error(i, "%party needs a name, as in %party server");
            }
            String name = arguments.get(0);
            if (!PARTY_NAME.matcher(name).matches()) {
                throw error(i, "'" + name + "' cannot be a party name (letters, digits, _ and -, starting with a letter)");
            }
            if (!steps.isEmpty()) {
                throw error(i, "declare every party before the first command");
            }
            if (parties.containsKey(name)) {
                throw error(i, "party '" + name + "' is declared twice");
            }
            String kind = arguments.size() > 1 ? arguments.get(1) : DEFAULT_KIND;
            List<String> rest = arguments.size() > 2 ? List.copyOf(arguments.subList(2, arguments.size())) : List.of();
            parties.put(name, new PartyDeclaration(name, kind, rest, i + 1));
        }

        private List<String> takeComments() {
            if (!comments.isEmpty() && comments.get(comments.size() - 1).isEmpty()) {
                comments.remove(comments.size() - 1);
            }
            if (comments.isEmpty()) {
                return List.of();
            }
            List<String> taken = List.copyOf(comments);
            comments.clear();
            return taken;
        }

        private void pythonSkip(int i, List<String> arguments) throws TranscriptError {
            if (arguments.size() < 2 || !arguments.get(0).equals("skip")) {
                throw error(i, "%python needs 'skip' and the reason, as in %python skip sockets is the shell's own table");
            }
            if (pythonSkip != null) {
                throw error(i, "%python skip must stand right above the command it marks (line " + pythonSkipLine
                        + " marks no command)");
            }
            pythonSkip = String.join(" ", arguments.subList(1, arguments.size()));
            pythonSkipLine = i + 1;
        }

        private double timeout(int i, List<String> arguments) throws TranscriptError {
            try {
                double seconds = arguments.size() == 1 ? Double.parseDouble(arguments.get(0)) : Double.NaN;
                if (seconds > 0 && Double.isFinite(seconds)) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // Falls through to the message below, which shows the right form.
            }
            throw error(i, "%timeout needs one positive number of seconds, as in %timeout 10");
        }

        private int embeddedFile(int i, List<String> arguments) throws TranscriptError {
            if (arguments.size() != 1 || !FILE_NAME.matcher(arguments.get(0)).matches()) {
                throw error(i, "%file needs one file name (letters, digits, '.', '_' and '-'), as in %file request.txt");
            }
            String name = arguments.get(0);
            if (files.containsKey(name)) {
                throw error(i, "%file " + name + " is declared twice");
            }
            StringBuilder content = new StringBuilder();
            for (int next = i + 1; next < lines.size(); next++) {
                if (lines.get(next).strip().equals("%endfile")) {
                    files.put(name, content.toString());
                    return next + 1;
                }
                content.append(lines.get(next)).append('\n');
            }
            throw error(i, "%file " + name + " is not closed: its block needs a %endfile line");
        }

        private int leftoversBlock(int i, List<String> arguments) throws TranscriptError {
            if (!arguments.isEmpty()) {
                throw error(i, "%leftovers takes no arguments; the lines below it list what is left open");
            }
            List<ExpectedLine> expected = new ArrayList<>();
            int next = i + 1;
            while (next < lines.size() && isOutput(lines.get(next))) {
                expected.add(expectedLine(next));
                next++;
            }
            for (int rest = next; rest < lines.size(); rest++) {
                if (!lines.get(rest).isBlank() && !lines.get(rest).startsWith("#")) {
                    throw error(rest, "only comments may follow the %leftovers block, which ends the transcript");
                }
            }
            leftovers = new LeftoversBlock(i, List.copyOf(expected));
            return lines.size();
        }

        private CaptureSyntax.Problem problem(int i) {
            return sentence -> error(i, sentence);
        }

        private TranscriptError error(int i, String sentence) {
            return new TranscriptError(file, i + 1, sentence);
        }
    }
}
