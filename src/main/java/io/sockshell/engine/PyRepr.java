package io.sockshell.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.IntStream;

/** CPython's {@code repr()} for the values socket calls return. */
public final class PyRepr {
    private PyRepr() {
    }

    /**
     * {@code repr(value)} for any value a call returns or a program prints: {@code None},
     * {@code True}/{@code False}, quoted text, floats as Python writes them, lists of reprs;
     * anything else as its {@code toString}, which the engine's values (bytes, addresses) write
     * as Python does.
     */
    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof String text) {
            return str(text);
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Collection<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(of(item));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
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
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int plain = plainRun(data, i, end, quote);
            if (plain >= LONG_RUN) {
                out.append(new String(data, i, plain, StandardCharsets.ISO_8859_1));
            } else {
                for (int j = i; j < i + plain; j++) {
                    out.append((char) data[j]);
                }
            }
            i += plain;
            if (i < end) {
                appendEscaped(out, data[i] & 0xff);
                i++;
            }
        }
        return out.append(quote).toString();
    }

    /**
     * Runs of bytes shown as they are at least this long are copied in one go, not byte by byte:
     * a multi-megabyte message is mostly such runs.
     */
    private static final int LONG_RUN = 32;

    /** A byte that is not shown as it is: the quote, a backslash, or not printable ASCII. */
    private static void appendEscaped(StringBuilder out, int b) {
        if (b == '\t') {
            out.append("\\t");
        } else if (b == '\n') {
            out.append("\\n");
        } else if (b == '\r') {
            out.append("\\r");
        } else if (b < 0x20 || b >= 0x7f) {
            out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        } else {
            out.append('\\').append((char) b);
        }
    }

    /** How many bytes from {@code start} are printable ASCII other than {@code quote} and backslash. */
    private static int plainRun(byte[] data, int start, int end, char quote) {
        int i = start;
        while (i < end && data[i] >= 0x20 && data[i] < 0x7f && data[i] != quote && data[i] != '\\') {
            i++;
        }
        return i - start;
    }

    /** {@code repr(str)} for text: control characters escaped, non-ASCII printable kept. */
    public static String str(String text) {
        return str(text.codePoints(), text.length(), text.indexOf('\'') >= 0, text.indexOf('"') >= 0);
    }

    /**
     * {@code repr(str)} of a str given as code points, which Java's UTF-16 cannot always hold:
     * two lone surrogates side by side ({@code '\ud800\udc00'}) are two code points in Python.
     */
    public static String str(int[] codePoints) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int c : codePoints) {
            hasSingle |= c == '\'';
            hasDouble |= c == '"';
        }
        return str(Arrays.stream(codePoints), codePoints.length, hasSingle, hasDouble);
    }

    private static String str(IntStream codePoints, int length, boolean hasSingle, boolean hasDouble) {
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder(length + 2).append(quote);
        codePoints.forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f || isUnprintable(c)) {
                appendEscapedCodePoint(out, c);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    /** A character as {@code repr(str)} escapes it: {@code \x1b}, {@code \u202e}, {@code \U0001f600}. */
    public static void appendEscapedCodePoint(StringBuilder out, int c) {
        out.append(c <= 0xff ? String.format("\\x%02x", c)
                : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
    }

    /**
     * Whether Python's {@code repr} escapes this character above ASCII: controls, formatting
     * characters (which reorder a line), separators other than the space, and characters with
     * no glyph.
     */
    public static boolean isUnprintable(int c) {
        int type = Character.getType(c);
        return c >= 0x80 && (type == Character.CONTROL || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' '));
    }

    /**
     * {@code repr(float)} for timeouts: {@code 2.5}, {@code 0.0}, {@code 3.0}, {@code 0.0001},
     * {@code 1e-05}, {@code 1e+16}. Python writes the shortest digits in plain notation when
     * the decimal exponent is from -4 to 15 and in scientific notation otherwise; Java switches
     * at other exponents ({@code 1.0E-4}, {@code 1.23456785E7}).
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
