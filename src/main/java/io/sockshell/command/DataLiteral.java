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
import java.util.stream.IntStream;

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

    /**
     * In a literal read as a str ({@link #parseStr}), each code point is one four-byte unit, and a
     * byte written as such ({@code \xff}, {@code b'..'}, hex, a file) the unit {@code RAW_BYTE +
     * byte}, above every code point: repetition and joining then work on units as on bytes, and
     * a lone surrogate stays one code point, where UTF-16 would pair {@code \ud800\udc00}.
     */
    private static final int RAW_BYTE = Character.MAX_CODE_POINT + 1;

    private final String source;
    /** Read as a str, in units, rather than as bytes. */
    private final boolean units;
    private int pos;

    private DataLiteral(String source, boolean units) {
        this.source = source;
        this.units = units;
    }

    public static PyBytes parse(String source) throws BadLiteral {
        return read(source, false).evaluate();
    }

    /**
     * The literal as the Python str it stands for, in code points: a character or {@code \\u}
     * escape is itself (a lone surrogate too), and bytes written as such are decoded as
     * os.fsdecode decodes a file name, so {@code "\xff"} and {@code "\udcff"} are the same str.
     */
    public static int[] parseStr(String source) throws BadLiteral {
        byte[] units = read(source, true).evaluate().toArray();
        IntStream.Builder str = IntStream.builder();
        ByteArrayOutputStream rawRun = new ByteArrayOutputStream();
        for (int at = 0; at < units.length; at += 4) {
            int unit = (units[at] & 0xff) << 24 | (units[at + 1] & 0xff) << 16 | (units[at + 2] & 0xff) << 8
                    | (units[at + 3] & 0xff);
            if (unit >= RAW_BYTE) {
                rawRun.write(unit - RAW_BYTE);
                continue;
            }
            decodeRun(rawRun, str);
            str.add(unit);
        }
        decodeRun(rawRun, str);
        return str.build().toArray();
    }

    /** Bytes written side by side decode together: {@code "\xc3\xa9"} is {@code 'é'}. */
    private static void decodeRun(ByteArrayOutputStream rawRun, IntStream.Builder str) {
        if (rawRun.size() > 0) {
            FsNames.fsdecode(rawRun.toByteArray()).codePoints().forEach(str::add);
            rawRun.reset();
        }
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

    private static Sum read(String source, boolean units) throws BadLiteral {
        if (source.isEmpty()) {
            throw new BadLiteral("empty data (write \"\" for no bytes)");
        }
        DataLiteral parser = new DataLiteral(source, units);
        Sum result = parser.sum();
        if (parser.pos != source.length()) {
            throw new BadLiteral("unexpected '" + source.charAt(parser.pos) + "' at column " + (parser.pos + 1)
                    + " of " + source);
        }
        return result;
    }

    /** Bytes written out, or the contents of a file (then {@code bytes} is null until read), as units when {@code units}. */
    private record Atom(PyBytes bytes, String file, boolean units) {
        PyBytes value() throws BadLiteral {
            if (bytes != null) {
                return bytes;
            }
            PyBytes contents = DataLiteral.file(file);
            return units ? rawUnits(contents) : contents;
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
            return written(quoted(false, units));
        }
        if ((c == 'b' || c == 'B') && isQuote(peekAt(1))) {
            pos++;
            return written(quoted(true, units));
        }
        if ((c == 'x' || c == 'X') && isQuote(peekAt(1))) {
            pos++;
            return written(raw(hex(new String(quoted(false, false), StandardCharsets.UTF_8))));
        }
        if (source.startsWith("hex:", pos)) {
            pos += 4;
            return written(raw(hex(word())));
        }
        if (c == '@') {
            pos++;
            String path = word();
            if (path.isEmpty()) {
                throw new BadLiteral("@ needs a file name, as in @request.txt");
            }
            return new Atom(null, path, units);
        }
        String word = word();
        if (word.isEmpty()) {
            throw new BadLiteral("expected data at column " + (pos + 1) + " of " + source);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codePoints(out, word, units);
        return written(out.toByteArray());
    }

    private static Atom written(byte[] bytes) {
        return new Atom(PyBytes.wrap(bytes), null, false);
    }

    /** Bytes given as such: themselves, or as units in a str. */
    private byte[] raw(PyBytes bytes) {
        return units ? rawUnits(bytes).toArray() : bytes.toArray();
    }

    private static PyBytes rawUnits(PyBytes bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length() * 4);
        for (byte b : bytes.toArray()) {
            unit(out, RAW_BYTE + Byte.toUnsignedInt(b));
        }
        return PyBytes.wrap(out.toByteArray());
    }

    private static void unit(ByteArrayOutputStream out, int unit) {
        out.write(unit >>> 24);
        out.write(unit >>> 16);
        out.write(unit >>> 8);
        out.write(unit);
    }

    /** A byte written as such ({@code \xff}, or a character of a bytes literal). */
    private static void rawByte(ByteArrayOutputStream out, int b, boolean units) {
        if (units) {
            unit(out, RAW_BYTE + b);
        } else {
            out.write(b);
        }
    }

    /** Text: its code points as units, or as UTF-8, where a lone surrogate has no encoding (as Python's str.encode() says). */
    private static void codePoints(ByteArrayOutputStream out, String text, boolean units) throws BadLiteral {
        if (units) {
            text.codePoints().forEach(c -> unit(out, c));
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadLiteral(String.format("cannot encode '\\u%04x' as UTF-8: surrogates not allowed", (int) c));
            }
        }
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
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

    /** A quoted string, as bytes or as units ({@code units}); {@code bytesOnly} for a bytes literal's body. */
    private byte[] quoted(boolean bytesOnly, boolean units) throws BadLiteral {
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
                    rawByte(out, c, units);
                    continue;
                }
                if (bytesOnly) {
                    throw new BadLiteral("bytes can only contain ASCII literal characters");
                }
                codePoints(out, character(c), units);
                continue;
            }
            escape(out, bytesOnly, units);
        }
    }

    /** The character that starts with {@code c}, just read: both halves of a pair above U+FFFF. */
    private String character(char c) {
        if (Character.isHighSurrogate(c) && pos < source.length() && Character.isLowSurrogate(source.charAt(pos))) {
            return source.substring(pos - 1, ++pos);
        }
        return String.valueOf(c);
    }

    private void escape(ByteArrayOutputStream out, boolean bytesOnly, boolean units) throws BadLiteral {
        if (pos >= source.length()) {
            throw new BadLiteral("unterminated string: " + source);
        }
        char e = source.charAt(pos++);
        switch (e) {
            case 'n' -> rawByte(out, '\n', units);
            case 'r' -> rawByte(out, '\r', units);
            case 't' -> rawByte(out, '\t', units);
            case 'a' -> rawByte(out, 7, units);
            case 'b' -> rawByte(out, '\b', units);
            case 'f' -> rawByte(out, '\f', units);
            case 'v' -> rawByte(out, 11, units);
            case '\\', '\'', '"' -> rawByte(out, e, units);
            case 'x' -> rawByte(out, hexDigits(2, "\\xHH"), units);
            case 'u', 'U' -> {
                if (bytesOnly) {
                    rawByte(out, '\\', units);
                    rawByte(out, e, units);
                } else {
                    int cp = hexDigits(e == 'u' ? 4 : 8, e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX");
                    if (!Character.isValidCodePoint(cp)) {
                        throw new BadLiteral("illegal Unicode character in \\U escape");
                    }
                    codePoints(out, new String(Character.toChars(cp)), units);
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
                    rawByte(out, value, units);
                } else {
                    // Python keeps an unknown escape as it stands, backslash and all.
                    rawByte(out, '\\', units);
                    codePoints(out, character(e), units);
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
