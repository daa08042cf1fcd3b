package io.sockshell.replay;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A golden transcript of a replay: a first line {@code $ sockshell replay ARGS}, then exactly
 * what the replay prints, then {@code [exit N]}. Two patterns cover what no replay can pin down
 * (the output of {@code w} or {@code ps}): a line ending in {@code " (re)"} is a regular
 * expression for one line, and a line {@code [...]} stands for any number of lines.
 */
record GoldenFile(Path path, List<String> arguments, List<String> expected) {
    private static final String COMMAND_PREFIX = "$ sockshell replay ";
    private static final String REGEX_SUFFIX = " (re)";
    private static final String ANY_LINES = "[...]";

    static GoldenFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(COMMAND_PREFIX)) {
            throw new IllegalArgumentException(path + ":1: the first line must be \"" + COMMAND_PREFIX + "ARGS\"");
        }
        return new GoldenFile(path, words(lines.get(0).substring(COMMAND_PREFIX.length())),
                List.copyOf(lines.subList(1, lines.size())));
    }

    /** Null when {@code actual} matches; otherwise a unified diff, golden file first. */
    String mismatch(String actual) {
        List<String> actualLines = List.of(actual.split("\n", -1)).subList(0, (int) actual.lines().count());
        List<String> aligned = expandAnyLines(actualLines);
        Patch<String> patch = DiffUtils.diff(aligned, actualLines, GoldenFile::matches);
        if (patch.getDeltas().isEmpty()) {
            return null;
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(path.toString(), "actual", aligned, patch, 2));
    }

    void update(String actual) throws IOException {
        Files.writeString(path, COMMAND_PREFIX + String.join(" ", quoted(arguments)) + "\n" + actual,
                StandardCharsets.UTF_8);
    }

    /** The golden lines with each {@code [...]} replaced by the actual lines it stands for. */
    private List<String> expandAnyLines(List<String> actual) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < expected.size(); i++) {
            String line = expected.get(i);
            if (line.equals(ANY_LINES)) {
                String following = i + 1 < expected.size() ? expected.get(i + 1) : null;
                while (next < actual.size() && (following == null || !matches(following, actual.get(next)))) {
                    out.add(Pattern.quote(actual.get(next)) + REGEX_SUFFIX);
                    next++;
                }
                continue;
            }
            out.add(line);
            if (next < actual.size() && matches(line, actual.get(next))) {
                next++;
            }
        }
        return out;
    }

    private static boolean matches(String expected, String actual) {
        if (expected.endsWith(REGEX_SUFFIX)) {
            return actual.matches(expected.substring(0, expected.length() - REGEX_SUFFIX.length()));
        }
        return expected.equals(actual);
    }

    /** Splits the command line at spaces; single quotes keep a word together, '' is an empty word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<String> quoted(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(word.isEmpty() || word.contains(" ") ? "'" + word + "'" : word);
        }
        return out;
    }
}
