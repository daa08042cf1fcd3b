package io.sockshell.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A {@code .jsh} file cut into the snippets JShell would run one by one. The cuts come from
 * JShell's own {@link SourceCodeAnalysis#analyzeCompletion}, so a replay and stock
 * {@code jshell} agree on what a snippet is. Each step keeps its script line for messages.
 */
final class Script {
    private final Path path;
    private final List<ScriptStep> steps;

    private Script(Path path, List<ScriptStep> steps) {
        this.path = path;
        this.steps = steps;
    }

    /** The file name, as messages show it: {@code tms.jsh}. */
    String name() {
        return path.getFileName().toString();
    }

    Path path() {
        return path;
    }

    List<ScriptStep> steps() {
        return steps;
    }

    /** Reads and cuts a script; a missing or unreadable file is a {@link ReplayException}. */
    static Script load(Path path, SourceCodeAnalysis analysis) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (NoSuchFileException e) {
            throw new ReplayException(path + ": no such script");
        } catch (IOException e) {
            throw new ReplayException(path + ": cannot read it: " + e.getMessage());
        }
        return new Script(path, split(text, analysis));
    }

    static List<ScriptStep> split(String text, SourceCodeAnalysis analysis) {
        List<ScriptStep> steps = new ArrayList<>();
        int offset = 0;
        while (offset < text.length()) {
            String rest = text.substring(offset);
            int prefix = leadingCommentsAndSpace(rest);
            if (prefix == rest.length()) {
                break;
            }
            int codeStart = offset + prefix;
            int line = lineAt(text, codeStart);
            List<String> comment = commentLines(rest.substring(0, prefix));
            if (isCommand(rest, prefix)) {
                int end = rest.indexOf('\n', prefix);
                end = end < 0 ? rest.length() : end;
                String command = rest.substring(prefix, end).trim();
                steps.add(new ScriptStep(ScriptStep.Kind.COMMAND, line, comment, command, command));
                offset += end;
                continue;
            }
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY -> {
                    return steps;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    String code = rest.substring(prefix).stripTrailing();
                    steps.add(new ScriptStep(ScriptStep.Kind.UNFINISHED, line, comment, code, code));
                    return steps;
                }
                default -> {
                    int consumed = rest.length() - info.remaining().length();
                    String code = rest.substring(prefix, consumed).stripTrailing();
                    String source = info.source();
                    source = source.startsWith(rest.substring(0, prefix)) ? source.substring(prefix) : source;
                    steps.add(new ScriptStep(ScriptStep.Kind.SNIPPET, line, comment, code, source.stripTrailing()));
                    offset += Math.max(consumed, prefix + 1);
                }
            }
        }
        return steps;
    }

    /**
     * Length of the blank lines and comments before the next code. JShell numbers the lines of
     * a snippet that starts with a comment from the wrong place, so the comment is cut off and
     * shown apart.
     */
    static int leadingCommentsAndSpace(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return i;
                }
                i = end + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isCommand(String rest, int at) {
        return rest.startsWith("/", at) && at + 1 < rest.length() && Character.isLetter(rest.charAt(at + 1));
    }

    private static List<String> commentLines(String prefix) {
        List<String> lines = new ArrayList<>();
        for (String line : prefix.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
