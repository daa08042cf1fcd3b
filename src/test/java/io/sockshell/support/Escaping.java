package io.sockshell.support;

/** Shows test inputs and outputs unambiguously in failure messages. */
public final class Escaping {
    private Escaping() {
    }

    /** {@code text} as a Java string literal, every non-printable or non-ASCII character escaped. */
    public static String javaString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * The first character a terminal would act on instead of showing: C0 and C1 controls, DEL,
     * and the Unicode format and separator characters that reorder or break a line. Returns -1
     * when there is none. A line feed ending a line is allowed by the caller, not here.
     */
    public static int firstTerminalControl(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (isTerminalControl(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A lone surrogate counts: a terminal cannot show it. */
    private static boolean isTerminalControl(int c) {
        int type = Character.getType(c);
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
