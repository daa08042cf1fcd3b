package io.sockshell.link;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a link does to the bytes it relays, in each direction it applies to ({@code up}: client
 * to server, {@code down}: server to client). A slice of 0 leaves the stream as it comes;
 * {@code limit} and {@code resetAfter} of -1 and {@code rate} of 0 are off.
 *
 * @param seed the seed of every random choice (slice sizes, jitter)
 * @param seedChosen whether the link chose the seed (then it is shown, so the run can be repeated)
 */
public record LinkOptions(int sliceMin, int sliceMax, int delayMillis, int jitterMillis, long rate, long limit,
        long resetAfter, boolean up, boolean down, long seed, boolean seedChosen) {
    /** The most a piece may be: bigger would not reach a reader in one segment of the loopback. */
    public static final int MAX_SLICE = 65_536;

    public LinkOptions {
        if (sliceMin < 0 || sliceMax < sliceMin || sliceMax > MAX_SLICE) {
            throw new IllegalArgumentException("slice must be 1.." + MAX_SLICE + " bytes (MIN..MAX with MIN <= MAX)");
        }
        if (delayMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("delay and jitter must be 0 or more milliseconds");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be more than 0 bytes a second");
        }
        if (!up && !down) {
            throw new IllegalArgumentException("a link impairs --up, --down or both (give neither for both)");
        }
    }

    /** No impairment either way: the link relays as fast as it can. */
    public static LinkOptions none() {
        return new LinkOptions(0, 0, 0, 0, 0, -1, -1, true, true, 0, false);
    }

    /**
     * The options from what the user typed (null where not given). Each bad value is an
     * IllegalArgumentException whose message is one line saying what is allowed.
     */
    public static LinkOptions parse(String slice, Integer delay, Integer jitter, String rate, String limit,
            String resetAfter, boolean upOnly, boolean downOnly, Long seed) {
        int sliceMin = 0;
        int sliceMax = 0;
        if (slice != null) {
            int dots = slice.indexOf("..");
            sliceMin = sliceSize(dots < 0 ? slice : slice.substring(0, dots), slice);
            sliceMax = dots < 0 ? sliceMin : sliceSize(slice.substring(dots + 2), slice);
            if (sliceMax < sliceMin) {
                throw new IllegalArgumentException("--slice " + slice + ": MIN must not be more than MAX");
            }
        }
        if (delay != null && delay < 0 || jitter != null && jitter < 0) {
            throw new IllegalArgumentException("--delay and --jitter take 0 or more milliseconds");
        }
        long bytesPerSecond = rate == null ? 0 : bytes("--rate", rate.endsWith("/s") ? rate.substring(0, rate.length() - 2)
                : rate, 1);
        long limitBytes = limit == null ? -1 : bytes("--limit", limit, 0);
        long resetBytes = resetAfter == null ? -1 : bytes("--reset-after", resetAfter, 0);
        boolean chosen = seed == null;
        long theSeed = chosen ? new SplittableRandom().nextInt(1, 1_000_000) : seed;
        return new LinkOptions(sliceMin, sliceMax, delay == null ? 0 : delay, jitter == null ? 0 : jitter,
                bytesPerSecond, limitBytes, resetBytes, !downOnly || upOnly, !upOnly || downOnly, theSeed, chosen);
    }

    private static int sliceSize(String text, String whole) {
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 1 && size <= MAX_SLICE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // Said below, with what is allowed.
        }
        throw new IllegalArgumentException("--slice " + whole + ": a piece is N or MIN..MAX bytes, each 1.." + MAX_SLICE);
    }

    /** A count of bytes: digits, then k (1,000) or M (1,000,000) if wanted; at least {@code least}. */
    static long bytes(String option, String text, long least) {
        String digits = text;
        long unit = 1;
        if (text.endsWith("k") || text.endsWith("K")) {
            unit = 1_000;
            digits = text.substring(0, text.length() - 1);
        } else if (text.endsWith("M")) {
            unit = 1_000_000;
            digits = text.substring(0, text.length() - 1);
        }
        try {
            long value = Long.parseLong(digits);
            if (value >= least && value <= Long.MAX_VALUE / unit) {
                return value * unit;
            }
        } catch (NumberFormatException notANumber) {
            // Said below, with what is allowed.
        }
        throw new IllegalArgumentException(option + " " + text + ": takes a number of bytes, " + least
                + " or more (k and M for thousands and millions)");
    }

    boolean slicing() {
        return sliceMin > 0;
    }

    /** Whether anything is done to the bytes at all in a direction it applies to. */
    boolean impairs() {
        return slicing() || delayMillis > 0 || jitterMillis > 0 || rate > 0 || limit >= 0 || resetAfter >= 0;
    }

    boolean appliesTo(Direction direction) {
        return direction == Direction.UP ? up : down;
    }

    /** The options as they would be typed, the seed always included when anything is random. */
    public String describe() {
        List<String> words = new ArrayList<>();
        if (slicing()) {
            words.add("--slice " + (sliceMin == sliceMax ? "" + sliceMin : sliceMin + ".." + sliceMax));
        }
        if (delayMillis > 0) {
            words.add("--delay " + delayMillis);
        }
        if (jitterMillis > 0) {
            words.add("--jitter " + jitterMillis);
        }
        if (rate > 0) {
            words.add("--rate " + rate);
        }
        if (limit >= 0) {
            words.add("--limit " + limit);
        }
        if (resetAfter >= 0) {
            words.add("--reset-after " + resetAfter);
        }
        if (up != down) {
            words.add(up ? "--up" : "--down");
        }
        if (random()) {
            words.add("--seed " + seed);
        }
        return words.isEmpty() ? "-" : String.join(" ", words);
    }

    /** Whether any choice is random, so that the seed matters. */
    public boolean random() {
        return sliceMin < sliceMax || jitterMillis > 0;
    }

    /** The random choices of one direction of the {@code index}-th connection: the same for the same seed. */
    SplittableRandom randomFor(int index, Direction direction) {
        long mixed = seed * 0x9E3779B97F4A7C15L + 2L * index + direction.ordinal();
        mixed = (mixed ^ (mixed >>> 33)) * 0xff51afd7ed558ccdL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return new SplittableRandom(mixed ^ (mixed >>> 33));
    }
}
