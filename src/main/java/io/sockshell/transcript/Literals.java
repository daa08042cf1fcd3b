package io.sockshell.transcript;

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
