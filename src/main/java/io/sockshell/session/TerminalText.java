package io.sockshell.session;

/**
 * Makes a line safe to print on a terminal: control characters (C0, DEL, C1) and the
 * Unicode characters that reorder or break a line are written as Python writes them in a
 * repr ({@code \x1b}, {@code \u202e}), so nothing typed or received can move the cursor,
 * recolour the screen or split one error into two lines.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else if (reordersOrBreaks(c)) {
                out.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean reordersOrBreaks(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
