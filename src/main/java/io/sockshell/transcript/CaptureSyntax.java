package io.sockshell.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the capture markers shared by commands and expected output: {@code [[NAME]]} uses the
 * value NAME was bound to, {@code [[NAME:REGEX]]} binds NAME to whatever REGEX matched.
 */
final class CaptureSyntax {
    static final String OPEN = "[[";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CaptureSyntax() {
    }

    /** A marker found at some column: a use (regex null) or a binding, and where it ends. */
    record Marker(String name, String regex, int end) {
        boolean binds() {
            return regex != null;
        }
    }

    /** Reads the marker starting at {@code start}, where the text has {@code [[}. */
    static Marker read(String text, int start, Problem problem) throws TranscriptError {
        Matcher name = NAME.matcher(text).region(start + OPEN.length(), text.length());
        if (!name.lookingAt()) {
            throw problem.at("malformed capture at column " + (start + 1)
                    + ": write [[NAME]] to use a capture or [[NAME:REGEX]] to bind one");
        }
        int after = name.end();
        if (text.startsWith("]]", after)) {
            return new Marker(name.group(), null, after + 2);
        }
        if (after >= text.length() || text.charAt(after) != ':') {
            throw problem.at("malformed capture at column " + (start + 1)
                    + ": a capture name is letters, digits and _, followed by ]] or :REGEX]]");
        }
        int regexStart = after + 1;
        int close = regexEnd(text, regexStart);
        if (close < 0) {
            throw problem.at("capture [[" + name.group() + ":... at column " + (start + 1) + " has no closing ]]");
        }
        if (close == regexStart) {
            throw problem.at("capture [[" + name.group() + ":]] needs a regular expression after the colon");
        }
        return new Marker(name.group(), text.substring(regexStart, close), close + 2);
    }

    /**
     * Where the regex of a binding ends: the first {@code ]]} outside a character class, so
     * {@code [[id:[a-z]+]]} works. Returns -1 if there is none.
     */
    private static int regexEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth > 0) {
                    depth--;
                } else if (text.startsWith("]]", i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Makes a {@link TranscriptError} for the line being read. */
    @FunctionalInterface
    interface Problem {
        TranscriptError at(String sentence);
    }
}
