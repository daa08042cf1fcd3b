package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.command.DataLiteral;
import io.sockshell.engine.PyBytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-literal parser on generated input. Bytes written in any of the literal forms must
 * parse back to exactly those bytes; anything else must parse or be refused with a message,
 * never throw anything else, and never build more than the 1 GiB limit.
 */
@Timeout(60)
class DataLiteralPropertyTest {
    private static final int INPUTS = 50_000;

    /** A literal and the bytes it stands for. */
    private record Encoded(String literal, byte[] bytes) {
    }

    @Test
    @EnabledIfSystemProperty(named = FuzzRun.LONG_RUN_PROPERTY, matches = "\\d+")
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void longRun() {
        bytesWrittenAsALiteralParseBackExactly(FuzzRun.longRunInputs());
        anyTextParsesOrIsRefusedWithAMessage(FuzzRun.longRunInputs());
    }

    @Test
    void bytesWrittenAsALiteralParseBackExactly() {
        bytesWrittenAsALiteralParseBackExactly(INPUTS);
    }

    private static void bytesWrittenAsALiteralParseBackExactly(int inputs) {
        FuzzRun run = FuzzRun.start("literal/round-trip", inputs);
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            Encoded encoded = sum(random);
            String context = run.where(i) + ": " + Escaping.javaString(encoded.literal());
            PyBytes parsed;
            try {
                parsed = DataLiteral.parse(encoded.literal());
            } catch (DataLiteral.BadLiteral e) {
                throw new AssertionError(context + " was refused: " + e.getMessage(), e);
            }
            assertArrayEquals(encoded.bytes(), parsed.toArray(), context);
        }
    }

    @Test
    void anyTextParsesOrIsRefusedWithAMessage() {
        anyTextParsesOrIsRefusedWithAMessage(INPUTS);
    }

    private static void anyTextParsesOrIsRefusedWithAMessage(int inputs) {
        FuzzRun run = FuzzRun.start("literal/any", inputs);
        int refused = 0;
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            String literal = switch (random.nextInt(3)) {
                case 0 -> FuzzText.literal(random);
                case 1 -> FuzzText.anyText(random, 40);
                default -> FuzzText.bytesAsText(random, 40);
            };
            String context = run.where(i) + ": " + Escaping.javaString(literal);
            try {
                PyBytes parsed = DataLiteral.parse(literal);
                assertTrue(parsed.length() <= DataLiteral.MAX_BYTES, context);
            } catch (DataLiteral.BadLiteral e) {
                refused++;
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), context);
            } catch (RuntimeException e) {
                throw new AssertionError(context + " threw", e);
            }
        }
        System.out.println("literal/any: " + refused + " of " + inputs + " refused");
    }

    @Test
    void sizesPastTheLimitAreRefusedBeforeTheyAreBuilt() throws DataLiteral.BadLiteral {
        assertRefused("\"a\"*1073741825", "data would be 1073741825 bytes; the limit is 1073741824 (1 GiB)");
        assertRefused("\"ab\"*4611686018427387904", "repeat count too large in \"ab\"*4611686018427387904");
        assertRefused("4611686018427387904*\"abcd\"", "repeat count too large in 4611686018427387904*\"abcd\"");
        assertRefused("\"a\"*99999999999*99999999999", "repeat count too large in \"a\"*99999999999*99999999999");
        assertRefused("\"a\"*99999999999999999999", "repeat count too large in \"a\"*99999999999999999999");
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("0*\"abc\""));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("\"\"*99999999999"));
        assertEquals(PyBytes.EMPTY, DataLiteral.parse("\"abc\"*0*99999999999"));
    }

    @Test
    void invalidEscapesAreRefusedOrKeptAsPythonKeepsThem() throws DataLiteral.BadLiteral {
        assertRefused("\"\\x4\"", "truncated \\xHH escape");
        assertRefused("\"\\xZZ\"", "truncated \\xHH escape");
        assertRefused("\"\\u12\"", "truncated \\uXXXX escape");
        assertRefused("\"\\U00110000\"", "illegal Unicode character in \\U escape");
        assertRefused("\"\\400\"", "octal escape \\400 is above \\377");
        assertRefused("\"abc\\", "unterminated string: \"abc\\");
        assertRefused("b'\u00e9'", "bytes can only contain ASCII literal characters");
        assertEquals(PyBytes.ascii("\\q\\N{DASH}"), DataLiteral.parse("'\\q\\N{DASH}'"));
        assertEquals(PyBytes.ascii("\\u00e9"), DataLiteral.parse("b'\\u00e9'"));
    }

    @Test
    void lonelySurrogatesAreRefusedAsPythonRefusesToEncodeThem() {
        String refusal = "surrogates not allowed";
        assertTrue(refusedWith("\"\\ud800\"").contains(refusal), refusedWith("\"\\ud800\""));
        assertTrue(refusedWith("\"\\U0000dfff\"").contains(refusal), refusedWith("\"\\U0000dfff\""));
        assertTrue(refusedWith("\"\ud800a\"").contains(refusal), refusedWith("\"\ud800a\""));
        assertTrue(refusedWith("\"a\udc00\"").contains(refusal), refusedWith("\"a\udc00\""));
    }

    @Test
    void aFileIsReadOnlyWhenItIsARegularFile(@TempDir Path directory) throws Exception {
        Path file = Files.write(directory.resolve("request.txt"), "GET /\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(PyBytes.ascii("GET /\r\n"), DataLiteral.parse("@" + file));
        assertRefused("@/dev/zero", "cannot read /dev/zero: not a regular file");
        assertRefused("@" + directory, "cannot read " + directory + ": not a regular file");
        assertRefused("@" + directory.resolve("missing"), "cannot read " + directory.resolve("missing") + ": no such file");
    }

    private static void assertRefused(String literal, String message) {
        DataLiteral.BadLiteral refusal = assertThrows(DataLiteral.BadLiteral.class, () -> DataLiteral.parse(literal),
                Escaping.javaString(literal));
        assertEquals(message, refusal.getMessage(), Escaping.javaString(literal));
    }

    private static String refusedWith(String literal) {
        return assertThrows(DataLiteral.BadLiteral.class, () -> DataLiteral.parse(literal),
                Escaping.javaString(literal)).getMessage();
    }

    private static Encoded sum(SplittableRandom random) {
        Encoded total = product(random);
        int more = random.nextInt(FuzzText.chance(random, 0.7) ? 1 : 4);
        for (int i = 0; i < more; i++) {
            Encoded next = product(random);
            total = new Encoded(total.literal() + "+" + next.literal(), concat(total.bytes(), next.bytes()));
        }
        return total;
    }

    private static Encoded product(SplittableRandom random) {
        Encoded atom = atom(random);
        if (FuzzText.chance(random, 0.7)) {
            return atom;
        }
        int count = random.nextInt(50);
        byte[] repeated = repeat(atom.bytes(), count);
        return FuzzText.chance(random, 0.5)
                ? new Encoded(atom.literal() + "*" + count, repeated)
                : new Encoded(count + "*" + atom.literal(), repeated);
    }

    private static Encoded atom(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> bytesLiteral(random);
            case 1 -> textLiteral(random);
            case 2 -> hexLiteral(random);
            default -> bareWord(random);
        };
    }

    /** b'...' with every byte either as itself (printable ASCII) or escaped one of Python's ways. */
    private static Encoded bytesLiteral(SplittableRandom random) {
        byte[] data = FuzzText.bytes(random, FuzzText.chance(random, 0.001) ? 100_000 : 40);
        char quote = FuzzText.oneOf(random, '\'', '"');
        StringBuilder literal = new StringBuilder().append(FuzzText.oneOf(random, 'b', 'B')).append(quote);
        for (byte b : data) {
            literal.append(escapedByte(random, b & 0xff, quote));
        }
        return new Encoded(literal.append(quote).toString(), data);
    }

    private static String escapedByte(SplittableRandom random, int b, char quote) {
        boolean printable = b >= 0x20 && b < 0x7f && b != quote && b != '\\';
        switch (printable && FuzzText.chance(random, 0.6) ? 0 : 1 + random.nextInt(3)) {
            case 0:
                return String.valueOf((char) b);
            case 1:
                return String.format(FuzzText.chance(random, 0.5) ? "\\x%02x" : "\\x%02X", b);
            case 2:
                return String.format("\\%03o", b);
            default:
                return switch (b) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case 7 -> "\\a";
                    case 8 -> "\\b";
                    case 11 -> "\\v";
                    case 12 -> "\\f";
                    case '\\' -> "\\\\";
                    case '\'' -> "\\'";
                    case '"' -> "\\\"";
                    default -> String.format("\\x%02x", b);
                };
        }
    }

    /** "..." text: characters as themselves or as \\u, \\U escapes, sent as UTF-8; \\x and octal are raw bytes. */
    private static Encoded textLiteral(SplittableRandom random) {
        char quote = FuzzText.oneOf(random, '\'', '"');
        StringBuilder literal = new StringBuilder().append(quote);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int items = random.nextInt(20);
        for (int i = 0; i < items; i++) {
            if (FuzzText.chance(random, 0.15)) {
                int b = random.nextInt(256);
                literal.append(FuzzText.chance(random, 0.5) ? String.format("\\x%02x", b) : String.format("\\%03o", b));
                bytes.write(b);
                continue;
            }
            int codePoint = codePoint(random);
            bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
            if (codePoint == quote || codePoint == '\\') {
                literal.append('\\').appendCodePoint(codePoint);
            } else {
                literal.append(switch (random.nextInt(4)) {
                    case 0 -> codePoint <= 0xffff ? String.format("\\u%04x", codePoint) : String.format("\\U%08x", codePoint);
                    case 1 -> String.format("\\U%08X", codePoint);
                    default -> new String(Character.toChars(codePoint));
                });
            }
        }
        return new Encoded(literal.append(quote).toString(), bytes.toByteArray());
    }

    /** Any code point but a surrogate: ASCII, controls, accents, CJK, emoji. */
    private static int codePoint(SplittableRandom random) {
        while (true) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xffff) {
                return codePoint;
            }
        }
    }

    private static Encoded hexLiteral(SplittableRandom random) {
        byte[] data = FuzzText.bytes(random, 30);
        StringBuilder digits = new StringBuilder();
        for (byte b : data) {
            digits.append(String.format(FuzzText.chance(random, 0.5) ? "%02x" : "%02X", b & 0xff));
            if (FuzzText.chance(random, 0.3)) {
                digits.append(FuzzText.oneOf(random, " ", ":", "_", "-", "  "));
            }
        }
        return FuzzText.chance(random, 0.5)
                ? new Encoded(FuzzText.oneOf(random, "x", "X") + "'" + digits + "'", data)
                : new Encoded("hex:" + digits.toString().replace(" ", ""), data);
    }

    private static Encoded bareWord(SplittableRandom random) {
        String word;
        do {
            word = FuzzText.word(random);
        } while (Character.isDigit(word.charAt(0)) || word.startsWith("hex") || word.matches("[bBxX].*"));
        return new Encoded(word, word.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] repeat(byte[] data, int count) {
        byte[] out = new byte[data.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(data, 0, out, i * data.length, data.length);
        }
        return out;
    }
}
