package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sockshell.support.Escaping;
import io.sockshell.support.FuzzRun;
import io.sockshell.support.FuzzText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The command-line splitter on generated lines. Lines built from known words must split back
 * into exactly those words; lines with a quote left open must be refused with the quote's
 * column; anything else, random bytes included, must split or be refused, never throw. Each
 * property prints its seed ({@link FuzzRun}); {@code -Dsockshell.fuzz.long=N} runs every one on
 * N inputs.
 */
@Timeout(60)
class LineSplitterPropertiesTest {
    private static final int INPUTS = 100_000;
    /** Whitespace the splitter must split on, as {@link Character#isWhitespace} defines it. */
    private static final String[] BLANKS = {" ", "  ", "\t", "\u000b", "\f", "\u001c", "\u2003", "\u3000", " \t "};
    /** Characters a bare word may hold: everything but whitespace and quotes. */
    private static final String BARE = "abcXYZ019_-.:/\\@*+=%$;|<>()[]{}`~!?,é€\u0000\u001b\u007f\u0085&#";

    /** A line made from words, and what the splitter should make of it. */
    private record Model(String line, List<String> words, boolean background) {
    }

    @Test
    @EnabledIfSystemProperty(named = FuzzRun.LONG_RUN_PROPERTY, matches = "\\d+")
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void longRun() {
        linesBuiltFromWordsSplitBackIntoThem(FuzzRun.longRunInputs());
        aQuoteLeftOpenIsRefusedAtItsColumn(FuzzRun.longRunInputs());
        anyLineSplitsOrIsRefusedInOneLine(FuzzRun.longRunInputs());
    }

    @Test
    void linesBuiltFromWordsSplitBackIntoThem() {
        linesBuiltFromWordsSplitBackIntoThem(INPUTS);
    }

    private static void linesBuiltFromWordsSplitBackIntoThem(int inputs) {
        FuzzRun run = FuzzRun.start("splitter/words", inputs);
        for (int i = 0; i < inputs; i++) {
            Model model = model(run.input(i));
            LineSplitter.Split split;
            try {
                split = LineSplitter.split(model.line());
            } catch (LineSplitter.UnbalancedQuote e) {
                throw new AssertionError(run.where(i) + ": refused " + Escaping.javaString(model.line()), e);
            }
            String context = run.where(i) + ": " + Escaping.javaString(model.line());
            assertEquals(model.words(), split.words(), context);
            assertEquals(model.background(), split.background(), context);
        }
    }

    @Test
    void aQuoteLeftOpenIsRefusedAtItsColumn() {
        aQuoteLeftOpenIsRefusedAtItsColumn(INPUTS);
    }

    private static void aQuoteLeftOpenIsRefusedAtItsColumn(int inputs) {
        FuzzRun run = FuzzRun.start("splitter/open-quote", inputs);
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            String prefix = withoutComment(model(random).line()) + blank(random) + FuzzText.word(random);
            char quote = FuzzText.oneOf(random, '"', '\'');
            String line = prefix + quote + closedBody(random, quote);
            String context = run.where(i) + ": " + Escaping.javaString(line);
            try {
                LineSplitter.split(line);
                fail(context + " was accepted");
            } catch (LineSplitter.UnbalancedQuote e) {
                assertEquals("unterminated " + (quote == '"' ? "double" : "single") + " quote starting at column "
                        + (prefix.length() + 1), e.getMessage(), context);
            }
        }
    }

    @Test
    void anyLineSplitsOrIsRefusedInOneLine() {
        anyLineSplitsOrIsRefusedInOneLine(INPUTS);
    }

    private static void anyLineSplitsOrIsRefusedInOneLine(int inputs) {
        FuzzRun run = FuzzRun.start("splitter/any", inputs);
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            String line = FuzzText.chance(random, 0.5) ? FuzzText.anyText(random, 80) : FuzzText.bytesAsText(random, 80);
            String context = run.where(i) + ": " + Escaping.javaString(line);
            try {
                LineSplitter.Split split = LineSplitter.split(line);
                for (String word : split.words()) {
                    assertFalse(word.isEmpty(), context);
                    assertFalse(hasBlankOutsideQuotes(word), context + " gave the word " + Escaping.javaString(word));
                }
            } catch (LineSplitter.UnbalancedQuote e) {
                assertTrue(e.getMessage().matches("unterminated (single|double) quote starting at column \\d+"),
                        context + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError(context + " threw", e);
            }
        }
    }

    private static Model model(SplittableRandom random) {
        List<String> words = new ArrayList<>();
        int count = random.nextInt(7);
        StringBuilder line = new StringBuilder();
        if (FuzzText.chance(random, 0.3)) {
            line.append(blank(random));
        }
        for (int w = 0; w < count; w++) {
            String word = word(random, w == count - 1);
            words.add(word);
            line.append(word);
            if (w < count - 1) {
                line.append(blank(random));
            }
        }
        boolean background = false;
        if (count > 0 && FuzzText.chance(random, 0.2)) {
            background = true;
            boolean attached = FuzzText.chance(random, 0.5) && !words.get(count - 1).endsWith("\\");
            line.append(attached ? "&" : blank(random) + "&");
        }
        if (FuzzText.chance(random, 0.3)) {
            line.append(blank(random));
        }
        if (FuzzText.chance(random, 0.2)) {
            line.append(count == 0 && line.length() == 0 ? "" : blank(random)).append('#').append(FuzzText.anyText(random, 20));
        }
        return new Model(line.toString(), words, background);
    }

    /** A word of bare and quoted parts; it never starts with # and the last never ends with &. */
    private static String word(SplittableRandom random, boolean last) {
        StringBuilder word = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (FuzzText.chance(random, 0.4)) {
                char quote = FuzzText.oneOf(random, '"', '\'');
                word.append(quote).append(closedBody(random, quote)).append(quote);
            } else {
                int length = 1 + random.nextInt(6);
                for (int c = 0; c < length; c++) {
                    word.append(BARE.charAt(random.nextInt(BARE.length())));
                }
            }
        }
        if (word.charAt(0) == '#') {
            word.setCharAt(0, 'h');
        }
        while (last && word.charAt(word.length() - 1) == '&') {
            word.setCharAt(word.length() - 1, 'a');
        }
        return word.toString();
    }

    /** What may stand between two quotes: anything, the quote and backslash only escaped. */
    private static String closedBody(SplittableRandom random, char quote) {
        String raw = FuzzText.anyText(random, 12);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                body.append('\\').append(i + 1 < raw.length() ? raw.charAt(++i) : '\\');
            } else if (c == quote) {
                body.append('\\').append(c);
            } else {
                body.append(c);
            }
        }
        return body.toString();
    }

    private static String withoutComment(String line) {
        try {
            LineSplitter.Split split = LineSplitter.split(line);
            return String.join(" ", split.words());
        } catch (LineSplitter.UnbalancedQuote e) {
            throw new AssertionError(e);
        }
    }

    private static String blank(SplittableRandom random) {
        return FuzzText.oneOf(random, BLANKS);
    }

    private static boolean hasBlankOutsideQuotes(String word) {
        char inside = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (inside != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == inside) {
                    inside = 0;
                }
            } else if (c == '"' || c == '\'') {
                inside = c;
            } else if (Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
