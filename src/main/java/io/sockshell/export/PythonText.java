package io.sockshell.export;

import io.sockshell.engine.PyBytes;

/** Python literals and names, written the way Python's repr writes them. */
final class PythonText {
    private PythonText() {
    }

    /** A str literal of {@code text}. */
    static String str(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c) && c < 0x10000
                    || c == 0x2028 || c == 0x2029 || c == 0x85) {
                out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
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
