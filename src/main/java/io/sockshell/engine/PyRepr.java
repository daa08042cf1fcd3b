package io.sockshell.engine;

/** CPython's {@code repr()} for the values socket calls return. */
public final class PyRepr {
    private PyRepr() {
    }

    /** {@code repr(bytes)}: printable ASCII as is, the rest escaped, quotes chosen as CPython does. */
    public static String bytes(byte[] data, int offset, int length) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = offset; i < offset + length; i++) {
            hasSingle |= data[i] == '\'';
            hasDouble |= data[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xff;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            } else {
                out.append((char) b);
            }
        }
        return out.append(quote).toString();
    }

    /** {@code repr(str)} for text: control characters escaped, non-ASCII printable kept. */
    public static String str(String text) {
        boolean hasSingle = text.indexOf('\'') >= 0;
        boolean hasDouble = text.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (isUnprintable(c)) {
                out.append(c <= 0xff ? String.format("\\x%02x", c)
                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    private static boolean isUnprintable(int c) {
        int type = Character.getType(c);
        return c >= 0x80 && (type == Character.CONTROL || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' '));
    }

    /** {@code repr(float)} for timeouts: {@code 2.5}, {@code 0.0}, {@code 3.0}. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return (long) value + ".0";
        }
        return Double.toString(value);
    }
}
