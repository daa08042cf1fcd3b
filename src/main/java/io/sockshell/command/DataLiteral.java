package io.sockshell.command;

import io.sockshell.engine.FsNames;
import io.sockshell.engine.PyBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the data a command sends. One argument may be:
 * <ul>
 *   <li>quoted text, {@code "GET / HTTP/1.0\r\n\r\n"} or {@code 'abc'}, encoded as UTF-8, with
 *       Python's escapes ({@code \n \r \t \\ \' \" \xHH \ooo \\uXXXX \0});</li>
 *   <li>a Python bytes literal, {@code b'abc\x00'}, ASCII only;</li>
 *   <li>hex, {@code x'48 65 6c'} or {@code hex:48656c};</li>
 *   <li>a file's contents, {@code @path/to/file};</li>
 *   <li>a bare word, taken as its text;</li>
 * </ul>
 * and any of those repeated, {@code "abc"*10000} or {@code 10000*"abc"}, or joined with
 * {@code +}.
 */
public final class DataLiteral {
    /** Refuses repetitions beyond this, so a typo cannot exhaust the heap. */
    public static final long MAX_BYTES = 1L << 30;

    private final String source;
    /** Text is a file name: encoded as os.fsencode does, so a byte escaped as U+DC80-U+DCFF is that byte. */
    private final boolean fileName;
    private int pos;

    private DataLiteral(String source, boolean fileName) {
        this.source = source;
        this.fileName = fileName;
    }

    public static PyBytes parse(String source) throws BadLiteral {
        return read(source, false).evaluate();
    }

    /** The bytes of a file name written as a literal: its text as os.fsencode encodes a str. */
    public static PyBytes parseFileName(String source) throws BadLiteral {
        return read(source, true).evaluate();
    }

    /**
     * The literal as a Python expression of the same bytes: {@code "abc"*10000} becomes
     * {@code b'abc' * 10000}, {@code @path} the expression {@code file} gives for the path
     * (the file is not read). The repetition stays a repetition, so the expression is as short as
     * the literal.
     */
    public static String python(String source, java.util.function.UnaryOperator<String> file) throws BadLiteral {
        return read(source, false).python(file);
    }

    private static Sum read(String source, boolean fileName) throws BadLiteral {
        if (source.isEmpty()) {
            throw new BadLiteral("empty data (write \"\" for no bytes)");
        }
        DataLiteral parser = new DataLiteral(source, fileName);
        Sum result = parser.sum();
        if (parser.pos != source.length()) {
            throw new BadLiteral("unexpected '" + source.charAt(parser.pos) + "' at column " + (parser.pos + 1)
                    + " of " + source);
        }
        return result;
    }

    /** Bytes written out, or the contents of a file (then {@code bytes} is null until read). */
    private record Atom(PyBytes bytes, String file) {
        PyBytes value() throws BadLiteral {
            return bytes != null ? bytes : DataLiteral.file(file);
        }

        String python(java.util.function.UnaryOperator<String> files) {
            return bytes != null ? bytes.toString() : files.apply(file);
        }
    }

    private record Product(Atom atom, long factor) {
        PyBytes evaluate(String source) throws BadLiteral {
            PyBytes value = atom.value();
            long size = times(value.length(), factor, source);
            checkSize(size);
            try {
                return value.repeat((int) factor);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(size);
            }
        }
    }

    private record Sum(String source, List<Product> products) {
        PyBytes evaluate() throws BadLiteral {
            PyBytes total = products.get(0).evaluate(source);
            for (Product product : products.subList(1, products.size())) {
                PyBytes next = product.evaluate(source);
                long size = (long) total.length() + next.length();
                checkSize(size);
                try {
                    total = total.concat(next);
                } catch (OutOfMemoryError e) {
                    throw outOfMemory(size);
                }
            }
            return total;
        }

        String python(java.util.function.UnaryOperator<String> files) {
            StringBuilder out = new StringBuilder();
            for (Product product : products) {
                if (out.length() > 0) {
                    out.append(" + ");
                }
                out.append(product.atom().python(files));
                if (product.factor() != 1) {
                    out.append(" * ").append(product.factor());
                }
            }
            return out.toString();
        }
    }

    /** A data literal that cannot be read; its message says where and why. */
    public static final class BadLiteral extends Exception {
        public BadLiteral(String message) {
            super(printable(message));
        }

        /** Shows control characters in the quoted source as escapes, so the message stays one line. */
        private static String printable(String message) {
            StringBuilder out = new StringBuilder(message.length());
            for (char c : message.toCharArray()) {
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    private Sum sum() throws BadLiteral {
        List<Product> products = new ArrayList<>(1);
        products.add(product());
        while (peek() == '+') {
            pos++;
            products.add(product());
        }
        return new Sum(source, products);
    }

    /**
     * A repetition. As in Python, a count of zero or less gives no bytes, and so does any later
     * count once the data is empty ({@code "a"*-1*-1} is {@code b''}).
     */
    private Product product() throws BadLiteral {
        long factor = 1;
        if (isAsciiDigit(peek()) || peek() == '-' && isAsciiDigit(peekAt(1))) {
            int start = pos;
            long count = number();
            if (peek() != '*') {
                pos = start;
            } else {
                pos++;
                factor = Math.max(0, count);
            }
        }
        Atom atom = atom();
        while (peek() == '*') {
            pos++;
            factor = times(factor, Math.max(0, number()));
        }
        return new Product(atom, factor);
    }

    /** A whole number, perhaps negative. */
    private long number() throws BadLiteral {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < source.length() && isAsciiDigit(source.charAt(pos))) {
            pos++;
        }
        if (digits == pos) {
            throw new BadLiteral("expected a repeat count after '*' in " + source);
        }
        try {
            return Long.parseLong(source.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new BadLiteral("repeat count too large in " + source);
        }
    }

    private long times(long a, long b) throws BadLiteral {
        return times(a, b, source);
    }

    private static long times(long a, long b, String source) throws BadLiteral {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new BadLiteral("repeat count too large in " + source);
        }
    }

    /** A failed allocation of the data alone; the shell and its sockets carry on. */
    private static BadLiteral outOfMemory(long size) {
        return new BadLiteral("not enough memory for " + size + " bytes of data (the Java heap may grow to "
                + Runtime.getRuntime().maxMemory() + " bytes)");
    }

    private static void checkSize(long size) throws BadLiteral {
        if (size > MAX_BYTES) {
            throw new BadLiteral("data would be " + size + " bytes; the limit is " + MAX_BYTES + " (1 GiB)");
        }
    }

    private Atom atom() throws BadLiteral {
        char c = peek();
        if (c == '"' || c == '\'') {
            return new Atom(PyBytes.wrap(quoted(false)), null);
        }
        if ((c == 'b' || c == 'B') && isQuote(peekAt(1))) {
            pos++;
            return new Atom(PyBytes.wrap(quoted(true)), null);
        }
        if ((c == 'x' || c == 'X') && isQuote(peekAt(1))) {
            pos++;
            return new Atom(hex(new String(quoted(false), StandardCharsets.UTF_8)), null);
        }
        if (source.startsWith("hex:", pos)) {
            pos += 4;
            return new Atom(hex(word()), null);
        }
        if (c == '@') {
            pos++;
            String path = word();
            if (path.isEmpty()) {
                throw new BadLiteral("@ needs a file name, as in @request.txt");
            }
            return new Atom(null, path);
        }
        String word = word();
        if (word.isEmpty()) {
            throw new BadLiteral("expected data at column " + (pos + 1) + " of " + source);
        }
        return new Atom(PyBytes.wrap(utf8(word)), null);
    }

    private String word() {
        int start = pos;
        while (pos < source.length() && "*+".indexOf(source.charAt(pos)) < 0) {
            pos++;
        }
        return source.substring(start, pos);
    }

    private static PyBytes hex(String digits) throws BadLiteral {
        String clean = digits.replaceAll("[\\s:_-]", "");
        if (clean.length() % 2 != 0) {
            throw new BadLiteral("hex data needs an even number of digits: " + digits);
        }
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexValue(clean.charAt(2 * i));
            int lo = hexValue(clean.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new BadLiteral("not a hex digit in " + digits);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return PyBytes.wrap(out);
    }

    private static PyBytes file(String path) throws BadLiteral {
        try {
            Path file = Path.of(path);
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A device such as /dev/zero never ends; only a plain file has a size to check.
                throw new BadLiteral("cannot read " + path + ": not a regular file");
            }
            long size = Files.size(file);
            checkSize(size);
            return PyBytes.wrap(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new BadLiteral("cannot read " + path + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    private byte[] quoted(boolean bytesOnly) throws BadLiteral {
        char quote = source.charAt(pos);
        int start = pos;
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= source.length()) {
                throw new BadLiteral("unterminated string starting at column " + (start + 1) + ": " + source);
            }
            char c = source.charAt(pos++);
            if (c == quote) {
                return out.toByteArray();
            }
            if (c != '\\') {
                if (c <= 0x7f) {
                    out.write(c);
                    continue;
                }
                if (bytesOnly) {
                    throw new BadLiteral("bytes can only contain ASCII literal characters");
                }
                if (Character.isHighSurrogate(c) && pos < source.length() && Character.isLowSurrogate(source.charAt(pos))) {
                    out.writeBytes(utf8(source.substring(pos - 1, ++pos)));
                } else {
                    out.writeBytes(utf8(String.valueOf(c)));
                }
                continue;
            }
            escape(out, bytesOnly);
        }
    }

    private void escape(ByteArrayOutputStream out, boolean bytesOnly) throws BadLiteral {
        if (pos >= source.length()) {
            throw new BadLiteral("unterminated string: " + source);
        }
        char e = source.charAt(pos++);
        switch (e) {
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'a' -> out.write(7);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'v' -> out.write(11);
            case '\\', '\'', '"' -> out.write(e);
            case 'x' -> out.write(hexDigits(2, "\\xHH"));
            case 'u', 'U' -> {
                if (bytesOnly) {
                    out.write('\\');
                    out.write(e);
                } else {
                    int cp = hexDigits(e == 'u' ? 4 : 8, e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX");
                    if (!Character.isValidCodePoint(cp)) {
                        throw new BadLiteral("illegal Unicode character in \\U escape");
                    }
                    out.writeBytes(utf8(new String(Character.toChars(cp))));
                }
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < source.length() && source.charAt(pos) >= '0'
                            && source.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (source.charAt(pos++) - '0');
                    }
                    if (value > 0xff) {
                        throw new BadLiteral("octal escape \\" + Integer.toOctalString(value) + " is above \\377");
                    }
                    out.write(value);
                } else {
                    // Python keeps an unknown escape as it stands, backslash and all.
                    out.write('\\');
                    out.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private int hexDigits(int count, String form) throws BadLiteral {
        if (pos + count > source.length()) {
            throw new BadLiteral("truncated " + form + " escape");
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            int digit = hexValue(source.charAt(pos + i));
            if (digit < 0) {
                throw new BadLiteral("truncated " + form + " escape");
            }
            value = value * 16 + digit;
        }
        pos += count;
        return value;
    }

    /**
     * Text as UTF-8; a lone surrogate has no encoding, as Python's str.encode() says, except in
     * a file name an escaped byte (U+DC80 to U+DCFF), as os.fsencode takes it.
     */
    private byte[] utf8(String text) throws BadLiteral {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) && !(fileName && FsNames.hasEscapedBytes(String.valueOf(c)))) {
                throw new BadLiteral(String.format("cannot encode '\\u%04x' as UTF-8: surrogates not allowed", (int) c));
            }
        }
        return fileName ? FsNames.fsencode(text) : text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of an ASCII hex digit, or -1; Character.digit would also take other scripts' digits. */
    private static int hexValue(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private char peek() {
        return pos < source.length() ? source.charAt(pos) : '\0';
    }

    private char peekAt(int offset) {
        return pos + offset < source.length() ? source.charAt(pos + offset) : '\0';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }
}
