package io.sockshell.support;

import java.util.SplittableRandom;

/**
 * The seed and size of a generated run, for every seeded property test. The seed is fixed so
 * every run sees the same inputs, printed so a failure can be replayed, and overridable:
 * {@code -Dsockshell.fuzz.seed=N}. Input {@code i} comes from its own generator, so a failing
 * input can be regenerated alone. A test class offers a longer run with a {@code longRun}
 * test enabled by {@link #LONG_RUN_PROPERTY}.
 */
public final class FuzzRun {
    private static final long DEFAULT_SEED = 0x50C5_5EEDL;
    private static final String SEED_PROPERTY = "sockshell.fuzz.seed";
    /** Sets the input count of the long run: {@code -Dsockshell.fuzz.long=1000000}. */
    public static final String LONG_RUN_PROPERTY = "sockshell.fuzz.long";

    private final String suite;
    private final long seed;

    private FuzzRun(String suite, long seed) {
        this.suite = suite;
        this.seed = seed;
    }

    public static FuzzRun start(String suite, int inputs) {
        long seed = Long.decode(System.getProperty(SEED_PROPERTY, Long.toString(DEFAULT_SEED)));
        System.out.println(suite + ": " + inputs + " inputs, seed " + seed
                + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")");
        return new FuzzRun(suite, seed);
    }

    public static int longRunInputs() {
        return Integer.getInteger(LONG_RUN_PROPERTY, 0);
    }

    /** The generator of input number {@code index}. */
    public SplittableRandom input(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    /** How to name input {@code index} in a failure message. */
    public String where(int index) {
        return suite + " seed " + seed + " input #" + index;
    }
}
