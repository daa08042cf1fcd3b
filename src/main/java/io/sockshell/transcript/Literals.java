package io.sockshell.transcript;

import java.util.Set;

/**
 * Writes an output line as an expected line that matches exactly that text: as it stands when
 * it can be, as a quoted regex when it contains pattern syntax, and with a leading {@code \}
 * when it would otherwise read as a blank line, comment, directive, prompt or {@code ...}.
 */
public final class Literals {
    private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

    private Literals() {
    }

    public static String expectedLine(String actual) {
        return escapeStructure(needsRegex(actual) ? regexQuote(actual) + MatchLine.REGEX_SUFFIX : actual);
    }

    /**
     * An expected line that matches {@code before}, then any text, then {@code after}: for a
     * line whose middle varies from run to run (a count, a state).
     */
    public static String withGap(String before, String after) {
        if (needsRegex(before) || needsRegex(after)) {
            return escapeStructure(regexQuote(before) + ".*" + regexQuote(after) + MatchLine.REGEX_SUFFIX);
        }
        return escapeStructure(before + MatchLine.WILDCARD + after);
    }

    /**
     * An expected line that matches {@code actual} with each of the whole numbers in
     * {@code varying} as any number, and each gap of two spaces or more (between the columns of
     * a table, whose widths follow those numbers) as any such gap.
     */
    public static String withVaryingNumbers(String actual, Set<String> varying) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < actual.length() && actual.charAt(i) == ' ') {
            regex.append(' ');
            i++;
        }
        while (i < actual.length()) {
            char c = actual.charAt(i);
            int end = i + 1;
            if (c == ' ' && end < actual.length() && actual.charAt(end) == ' ') {
                while (end < actual.length() && actual.charAt(end) == ' ') {
                    end++;
                }
                regex.append(" {2,}");
            } else if (Character.isDigit(c) && (i == 0 || !Character.isDigit(actual.charAt(i - 1)))) {
                while (end < actual.length() && Character.isDigit(actual.charAt(end))) {
                    end++;
                }
                String number = actual.substring(i, end);
                regex.append(varying.contains(number) ? "\\d+" : number);
            } else {
                regex.append(regexQuote(String.valueOf(c)));
            }
            i = end;
        }
        return escapeStructure(regex + MatchLine.REGEX_SUFFIX);
    }

    /** Puts a {@code \} before an expected line that would otherwise read as something else. */
    static String escapeStructure(String body) {
        return needsEscape(body) ? "\\" + body : body;
    }

    private static boolean needsRegex(String line) {
        return line.contains(CaptureSyntax.OPEN) || line.contains(MatchLine.WILDCARD)
                || line.endsWith(MatchLine.REGEX_SUFFIX);
    }

    private static boolean needsEscape(String body) {
        return body.isBlank() || body.startsWith("#") || body.startsWith("%") || body.startsWith("\\")
                || body.equals(AnyLines.MARK) || Transcript.isPrompt(body);
    }

    /** Backslashes every regex special character, so no {@code [[} or {@code [..]} remains. */
    private static String regexQuote(String line) {
        StringBuilder quoted = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (REGEX_SPECIALS.indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }
}
