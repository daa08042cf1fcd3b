package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.engine.PyBytes;
import io.sockshell.session.LineSplitter;
import io.sockshell.support.RandomText;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of data literals, checked on a few thousand seeded random inputs each. Every
 * failure names its seed and input, so it can be replayed as an example test.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DataLiteralPropertiesTest {
    private static final int SAMPLES = 3000;
    private static final String SYNTAX = "\"'\\bBxXhu:@+*012 aefAF\u00e9\n\t\0\ud83d\ude00\ud800";
    private static final String[] ATOMS = {"\"abc\"", "'it\\'s'", "b'\\x00\\n'", "x'48 65'", "hex:6869", "word",
        "\"\\u00e9\\U0001F600\"", "\"\\101\\0\"", "b''", "\"a\\tb\""};

    /** Parses or is rejected with a one-line message; no other outcome is allowed. */
    private static void parsesOrSaysWhyInOneLine(long seed, String source) {
        try {
            DataLiteral.parse(source);
        } catch (DataLiteral.BadLiteral e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.lines().count() != 1 || message.indexOf('\r') >= 0) {
                fail("seed " + seed + ", input " + PyBytes.utf8(source) + ": message is not one line: " + message);
            }
        } catch (RuntimeException | Error e) {
            fail("seed " + seed + ", input " + PyBytes.utf8(source) + ": " + e, e);
        }
    }

    private static void forSamples(long seed, Function<RandomText, String> input) {
        RandomText random = new RandomText(seed);
        for (int i = 0; i < SAMPLES; i++) {
            parsesOrSaysWhyInOneLine(seed, input.apply(random));
        }
    }

    @Test
    void anyStringParsesOrIsRejectedWithOneLine() {
        forSamples(1, random -> random.anyChars(40));
    }

    @Test
    void literalLikeStringsParseOrAreRejectedWithOneLine() {
        forSamples(2, random -> random.from(SYNTAX, 10));
    }

    @Test
    void damagedWellFormedLiteralsParseOrAreRejectedWithOneLine() {
        forSamples(3, random -> {
            StringBuilder literal = new StringBuilder();
            int parts = random.between(1, 3);
            for (int i = 0; i < parts; i++) {
                literal.append(i == 0 ? "" : "+");
                if (random.chance(30)) {
                    literal.append(random.between(0, 40)).append('*');
                }
                literal.append(random.oneOf(ATOMS));
                if (random.chance(30)) {
                    literal.append('*').append(random.between(0, 40));
                }
            }
            return random.mutate(literal.toString(), SYNTAX, random.between(0, 3));
        });
    }

    @Test
    void anyRepeatCountGivesTheRightLengthOrIsRefused() {
        RandomText random = new RandomText(4);
        for (int i = 0; i < SAMPLES; i++) {
            long count = random.chance(50) ? random.between(0, 500)
                    : (long) random.between(1, Integer.MAX_VALUE) * random.between(1, Integer.MAX_VALUE);
            String source = "\"ab\"*" + count;
            try {
                assertEquals(2 * count, DataLiteral.parse(source).length(), source);
            } catch (DataLiteral.BadLiteral e) {
                assertFalse(2 * count <= DataLiteral.MAX_BYTES, () -> source + " refused: " + e.getMessage());
            }
        }
    }

    @Test
    void reprOfAnyBytesReadsBackAsTheSameBytes() throws DataLiteral.BadLiteral {
        RandomText random = new RandomText(5);
        for (int i = 0; i < SAMPLES; i++) {
            byte[] data = random.bytes(64);
            String repr = PyBytes.wrap(data.clone()).toString();
            assertArrayEquals(data, DataLiteral.parse(repr).toArray(), repr);
        }
    }

    @Test
    void printableAsciiTextRoundTripsThroughReprAndTheCommandLine() throws Exception {
        RandomText random = new RandomText(6);
        StringBuilder printable = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            printable.append(c);
        }
        for (int i = 0; i < SAMPLES; i++) {
            String text = random.from(printable.toString(), 40);
            String repr = PyBytes.ascii(text).toString();
            LineSplitter.Split split = LineSplitter.split("send c " + repr);
            assertEquals(3, split.words().size(), repr);
            assertEquals(repr, split.words().get(2));
            PyBytes parsed = DataLiteral.parse(split.words().get(2));
            assertEquals(text, new String(parsed.toArray(), StandardCharsets.US_ASCII), repr);
            assertEquals(repr, parsed.toString());
        }
    }
}
