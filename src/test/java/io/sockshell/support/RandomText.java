package io.sockshell.support;

import java.util.Random;

/**
 * Seeded random inputs for property-style tests: the same seed gives the same inputs, and a
 * failure names the input, so any failure can be replayed.
 */
public final class RandomText {
    private final Random random;

    public RandomText(long seed) {
        this.random = new Random(seed);
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** Any UTF-16 code units, lone surrogates and control characters included. */
    public String anyChars(int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = between(0, maxLength);
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return out.toString();
    }

    /** Characters drawn from {@code alphabet}. */
    public String from(String alphabet, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = between(0, maxLength);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] out = new byte[between(0, maxLength)];
        random.nextBytes(out);
        return out;
    }

    public <T> T oneOf(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** {@code text} with one character replaced, inserted or removed, {@code times} times. */
    public String mutate(String text, String alphabet, int times) {
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
}
