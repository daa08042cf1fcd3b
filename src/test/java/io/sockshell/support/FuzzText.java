package io.sockshell.support;

import java.util.SplittableRandom;

/**
 * Small seeded generators of hostile text for property tests: random bytes, any UTF-16 unit
 * (lone surrogates included), terminal escapes, numbers at every boundary, data literals valid
 * and broken, and damaged copies of well-formed text. Each takes the generator of one input
 * ({@link FuzzRun#input}). Repeat counts are either small or far past the 1 GiB data limit,
 * never a valid count that would make a test allocate hundreds of megabytes.
 */
public final class FuzzText {
    /** Characters that mean something to the splitter or the literal parser. */
    private static final String SPECIAL = " \t\"'\\#&*+@:-_%.,=()[]{}$;|<>`~!?/0123456789";
    private static final String[] ESCAPES = {
        "\\n", "\\r", "\\t", "\\\\", "\\'", "\\\"", "\\a", "\\b", "\\f", "\\v", "\\0", "\\x41", "\\xff", "\\x", "\\x4",
        "\\xZZ", "\\u00e9", "\\u12", "\\uD800", "\\U0001F600", "\\U00110000", "\\UFFFFFFFF", "\\377", "\\400", "\\777",
        "\\9", "\\q", "\\N{DASH}", "\\", "\\\n"};
    private static final String[] TERMINAL = {
        "\u001b[31m", "\u001b[2J", "\u001b]0;pwned\u0007", "\u001bP+q\u001b\\", "\u009b6n", "\u0007", "\u0000", "\r",
        "\n", "\u007f", "\b", "\u202e", "\u2028", "\u0085", "\ufeff"};
    private static final String[] NUMBERS = {
        "0", "1", "-1", "7", "64", "1024", "65535", "65536", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1000000000000000000000000000000000000000", "007", "+5", "0x10", "1e3", "1.5", "NaN", "Infinity", "-0", "1_000",
        "", " ", "٣", "２"};

    private FuzzText() {
    }

    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    public static byte[] bytes(SplittableRandom random, int maxLength) {
        byte[] data = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(data);
        return data;
    }

    /** Characters drawn from {@code alphabet}, up to {@code maxLength} of them. */
    public static String fromAlphabet(SplittableRandom random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * {@code text} damaged {@code times} times: each time a character of {@code alphabet} is
     * inserted or put in place of another, or a character is removed.
     */
    public static String mutate(SplittableRandom random, String text, String alphabet, int times) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < times; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, c);
                case 1 -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, c);
                    }
                }
                default -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Random bytes read as ISO-8859-1, as a line read from a binary file would be. */
    public static String bytesAsText(SplittableRandom random, int maxLength) {
        byte[] data = bytes(random, maxLength);
        char[] chars = new char[data.length];
        for (int i = 0; i < data.length; i++) {
            chars[i] = (char) (data[i] & 0xff);
        }
        return new String(chars);
    }

    /** Any mix of specials, escapes, terminal controls and arbitrary UTF-16 units. */
    public static String anyText(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 1 -> text.append(oneOf(random, ESCAPES));
                case 2 -> text.append(oneOf(random, TERMINAL));
                case 3 -> text.append((char) random.nextInt(0x10000));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    public static String number(SplittableRandom random) {
        return chance(random, 0.7) ? oneOf(random, NUMBERS) : Long.toString(random.nextLong());
    }

    /** A repeat count: small, or far past any size the parser may accept. */
    public static String repeatCount(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0, 1, 2 -> Integer.toString(random.nextInt(chance(random, 0.9) ? 20 : 300));
            case 3 -> Long.toString((1L << 31) + random.nextLong(Long.MAX_VALUE - (1L << 31)));
            default -> "9".repeat(19 + random.nextInt(30));
        };
    }

    /** A data literal as a user might type it, or mistype it. */
    public static String literal(SplittableRandom random) {
        StringBuilder text = new StringBuilder(product(random));
        int terms = random.nextInt(chance(random, 0.8) ? 1 : 4);
        for (int i = 0; i < terms; i++) {
            text.append(chance(random, 0.95) ? "+" : oneOf(random, "++", "+*", "-", "")).append(product(random));
        }
        return text.toString();
    }

    private static String product(SplittableRandom random) {
        String atom = atom(random);
        return switch (random.nextInt(8)) {
            case 0 -> repeatCount(random) + "*" + atom;
            case 1 -> atom + "*" + repeatCount(random);
            case 2 -> atom + "*" + repeatCount(random) + "*" + oneOf(random, "0", "1", "2", "99999999999", "");
            case 3 -> atom + oneOf(random, "*", "**", "*-1", "*x", "*1e3");
            default -> atom;
        };
    }

    private static String atom(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0 -> "\"" + quotedBody(random) + "\"";
            case 1 -> "'" + quotedBody(random) + "'";
            case 2 -> oneOf(random, "b", "B") + oneOf(random, "'", "\"") + quotedBody(random) + oneOf(random, "'", "\"", "");
            case 3 -> oneOf(random, "x'", "X\"") + hexDigits(random) + oneOf(random, "'", "\"", "");
            case 4 -> "hex:" + hexDigits(random);
            case 5 -> "@" + oneOf(random, "", "/nonexistent/file", "/dev/zero", "/dev/null", "/", "/proc/self/status");
            case 6 -> "\"" + quotedBody(random);
            case 7 -> anyText(random, 12);
            case 8 -> bytesAsText(random, 12);
            case 9 -> "";
            default -> word(random);
        };
    }

    private static String quotedBody(SplittableRandom random) {
        int parts = random.nextInt(8);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            body.append(switch (random.nextInt(4)) {
                case 0 -> oneOf(random, ESCAPES);
                case 1 -> oneOf(random, TERMINAL);
                case 2 -> anyText(random, 6);
                default -> word(random);
            });
        }
        return body.toString();
    }

    private static String hexDigits(SplittableRandom random) {
        int length = random.nextInt(16);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(chance(random, 0.9) ? "0123456789abcdefABCDEF".charAt(random.nextInt(22))
                    : oneOf(random, " ", ":", "_", "-", "g", "z", "\u0661", "\t"));
        }
        return digits.toString();
    }

    public static String word(SplittableRandom random) {
        int length = 1 + random.nextInt(10);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".charAt(random.nextInt(63)));
        }
        return word.toString();
    }
}
