package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.PyBytes;
import io.sockshell.session.LineSplitter;
import io.sockshell.support.Escaping;
import io.sockshell.support.FuzzRun;
import io.sockshell.support.FuzzText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The data-literal parser on generated input. Bytes written in any of the literal forms, and
 * the repr of any bytes, must parse back to exactly those bytes; anything else must parse or
 * be refused with a one-line message, never throw anything else, and never build more than the
 * 1 GiB limit. Each property prints its seed ({@link FuzzRun}); {@code -Dsockshell.fuzz.long=N}
 * runs every one on N inputs.
 */
@Timeout(60)
class DataLiteralPropertiesTest {
    private static final int INPUTS = 50_000;
    /** Characters that mean something to the parser, and a few that mean nothing to it. */
    private static final String SYNTAX = "\"'\\bBxXhu:@+*012 aefAF\u00e9\n\t\0\ud83d\ude00\ud800";
    private static final String[] ATOMS = {"\"abc\"", "'it\\'s'", "b'\\x00\\n'", "x'48 65'", "hex:6869", "word",
        "\"\\u00e9\\U0001F600\"", "\"\\101\\0\"", "b''", "\"a\\tb\""};

    /** A literal and the bytes it stands for. */
    private record Encoded(String literal, byte[] bytes) {
    }

    @Test
    @EnabledIfSystemProperty(named = FuzzRun.LONG_RUN_PROPERTY, matches = "\\d+")
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void longRun() {
        int inputs = FuzzRun.longRunInputs();
        bytesWrittenAsALiteralParseBackExactly(inputs);
        anyTextParsesOrIsRefusedInOneLine(inputs);
        anyRepeatCountGivesTheRightLengthOrIsRefused(inputs);
        reprOfAnyBytesReadsBackAsTheSameBytes(inputs);
        printableAsciiTextRoundTripsThroughReprAndTheCommandLine(inputs);
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
    void anyTextParsesOrIsRefusedInOneLine() {
        anyTextParsesOrIsRefusedInOneLine(INPUTS);
    }

    /**
     * Literals typed right and wrong, damaged well-formed ones, strings of the parser's own
     * syntax, any UTF-16 text and raw bytes: each parses within the limit or is refused with
     * a message of one line.
     */
    private static void anyTextParsesOrIsRefusedInOneLine(int inputs) {
        FuzzRun run = FuzzRun.start("literal/any", inputs);
        int refused = 0;
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            String literal = switch (random.nextInt(5)) {
                case 0 -> FuzzText.literal(random);
                case 1 -> FuzzText.anyText(random, 40);
                case 2 -> FuzzText.bytesAsText(random, 40);
                case 3 -> FuzzText.fromAlphabet(random, SYNTAX, 10);
                default -> damagedLiteral(random);
            };
            String context = run.where(i) + ": " + Escaping.javaString(literal);
            try {
                PyBytes parsed = DataLiteral.parse(literal);
                assertTrue(parsed.length() <= DataLiteral.MAX_BYTES, context);
            } catch (DataLiteral.BadLiteral e) {
                refused++;
                String message = e.getMessage();
                assertFalse(message == null || message.isBlank(), context);
                assertTrue(message.lines().count() == 1 && message.indexOf('\r') < 0,
                        () -> context + ": the message is not one line: " + Escaping.javaString(message));
            } catch (RuntimeException e) {
                throw new AssertionError(context + " threw", e);
            }
        }
        System.out.println("literal/any: " + refused + " of " + inputs + " refused");
    }

    /** Up to three well-formed parts, joined with + and maybe repeated, then damaged up to three times. */
    private static String damagedLiteral(SplittableRandom random) {
        StringBuilder literal = new StringBuilder();
        int parts = random.nextInt(1, 4);
        for (int i = 0; i < parts; i++) {
            literal.append(i == 0 ? "" : "+");
            if (FuzzText.chance(random, 0.3)) {
                literal.append(random.nextInt(41)).append('*');
            }
            literal.append(FuzzText.oneOf(random, ATOMS));
            if (FuzzText.chance(random, 0.3)) {
                literal.append('*').append(random.nextInt(41));
            }
        }
        return FuzzText.mutate(random, literal.toString(), SYNTAX, random.nextInt(4));
    }

    @Test
    void anyRepeatCountGivesTheRightLengthOrIsRefused() {
        anyRepeatCountGivesTheRightLengthOrIsRefused(INPUTS);
    }

    private static void anyRepeatCountGivesTheRightLengthOrIsRefused(int inputs) {
        FuzzRun run = FuzzRun.start("literal/repeat-count", inputs);
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            long count = FuzzText.chance(random, 0.5) ? random.nextInt(501)
                    : (long) random.nextInt(1, Integer.MAX_VALUE) * random.nextInt(1, Integer.MAX_VALUE);
            String source = "\"ab\"*" + count;
            String context = run.where(i) + ": " + source;
            try {
                assertEquals(2 * count, DataLiteral.parse(source).length(), context);
            } catch (DataLiteral.BadLiteral e) {
                assertFalse(2 * count <= DataLiteral.MAX_BYTES, () -> context + " refused: " + e.getMessage());
            }
        }
    }

    @Test
    void reprOfAnyBytesReadsBackAsTheSameBytes() {
        reprOfAnyBytesReadsBackAsTheSameBytes(INPUTS);
    }

    private static void reprOfAnyBytesReadsBackAsTheSameBytes(int inputs) {
        FuzzRun run = FuzzRun.start("literal/repr", inputs);
        for (int i = 0; i < inputs; i++) {
            byte[] data = FuzzText.bytes(run.input(i), 64);
            String repr = PyBytes.wrap(data.clone()).toString();
            String context = run.where(i) + ": " + repr;
            try {
                assertArrayEquals(data, DataLiteral.parse(repr).toArray(), context);
            } catch (DataLiteral.BadLiteral e) {
                throw new AssertionError(context + " was refused: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void printableAsciiTextRoundTripsThroughReprAndTheCommandLine() {
        printableAsciiTextRoundTripsThroughReprAndTheCommandLine(INPUTS);
    }

    private static void printableAsciiTextRoundTripsThroughReprAndTheCommandLine(int inputs) {
        StringBuilder printable = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            printable.append(c);
        }
        FuzzRun run = FuzzRun.start("literal/printable-repr", inputs);
        for (int i = 0; i < inputs; i++) {
            String text = FuzzText.fromAlphabet(run.input(i), printable.toString(), 40);
            String repr = PyBytes.ascii(text).toString();
            String context = run.where(i) + ": " + repr;
            try {
                LineSplitter.Split split = LineSplitter.split("send c " + repr);
                assertEquals(3, split.words().size(), context);
                assertEquals(repr, split.words().get(2), context);
                PyBytes parsed = DataLiteral.parse(split.words().get(2));
                assertEquals(text, new String(parsed.toArray(), StandardCharsets.US_ASCII), context);
                assertEquals(repr, parsed.toString(), context);
            } catch (LineSplitter.UnbalancedQuote | DataLiteral.BadLiteral e) {
                throw new AssertionError(context + " was refused: " + e.getMessage(), e);
            }
        }
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
