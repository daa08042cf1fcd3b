package io.sockshell.diagram;

/**
 * Everything a diagram shows that came from a party or a user (names, addresses, errors, data)
 * passes through here on its way into a format: control characters become visible escapes, as
 * Python writes them in a repr ({@code \x1b}), so no text can move a terminal's cursor or
 * break a line; then each format's markup is escaped, so no text can become SVG, HTML or a
 * Mermaid statement.
 */
public final class Escape {
    private Escape() {
    }

    /** Control characters (C0, DEL, C1) and characters that reorder or break a line, written as escapes. */
    public static String controls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.appendCodePoint(c);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static String escaped(int c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            return String.format("\\x%02x", c);
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE) {
            return c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
        }
        return null;
    }

    /** Text for an SVG or HTML element or attribute. */
    public static String xml(String text) {
        String safe = controls(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text for a Mermaid label or name: the characters Mermaid reads as syntax ({@code ;} ends a
     * statement, {@code %%} starts a comment, {@code #} an entity, {@code <} markup) as Mermaid's
     * entity codes, which it shows as the characters themselves.
     */
    public static String mermaid(String text) {
        String safe = controls(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '#' -> out.append("#35;");
                case ';' -> out.append("#59;");
                case '%' -> out.append("#37;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '"' -> out.append("#quot;");
                case '{' -> out.append("#123;");
                case '}' -> out.append("#125;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
