package io.sockshell.export;

import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;

/** Python literals and names, written the way Python's repr writes them. */
final class PythonText {
    private PythonText() {
    }

    /** A str literal of {@code text}: Python's repr of it. */
    static String str(String text) {
        return PyRepr.str(text);
    }

    /** A str literal of a str given as code points (a lone surrogate is one, even beside another). */
    static String str(int[] codePoints) {
        return PyRepr.str(codePoints);
    }

    /** A bytes literal, as Python's repr writes it. */
    static String bytes(byte[] data) {
        return PyBytes.wrap(data).toString();
    }

    /** A regular expression as a raw string when it can be one, so it reads as written. */
    static String regex(String pattern) {
        boolean rawFits = !pattern.endsWith("\\") && pattern.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (rawFits && pattern.indexOf('\'') < 0) {
            return "r'" + pattern + "'";
        }
        if (rawFits && pattern.indexOf('"') < 0) {
            return "r\"" + pattern + "\"";
        }
        return str(pattern);
    }

    /** A party's name as part of a Python identifier: '-' is not allowed in one. */
    static String identifier(String name) {
        return name.replace('-', '_');
    }
}
