package io.sockshell.transcript;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Escaping;
import io.sockshell.support.FuzzRun;
import io.sockshell.support.FuzzText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The transcript parser on generated files: shipped transcripts with lines spliced in, dropped
 * and mangled; directives, prompts, patterns and captures valid and broken; random text and
 * bytes; huge lines and huge files. Each parses, or is refused with one line that names the
 * file (and the line, where there is one). Parsing runs nothing.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TranscriptParserFuzzTest {
    private static final int INPUTS = 5_000;
    private static final Path FILE = Path.of("fuzzed.t");
    private static final String[] PIECES = {
        "%party server", "%party client shell", "%party x replay", "%party", "%party server shell extra", "%party 9bad",
        "%timeout 5", "%timeout -1", "%timeout abc", "%timeout 1e309", "%timeout", "%file req.txt", "%file ../escape",
        "%file", "%endfile", "%leftovers", "%bogus", "%", "%%", "\\%", "\\\\", "\\...", "...", "[..]", "[..", "..]",
        "sockshell> socket s", "server> socket s", "client> recv c 10", "nobody> socket s", "> socket s", "x>",
        "server>", "server>  ", "sockshell> bind s \"\" [[PORT]]", "sockshell> connect c 127.0.0.1 [[PORT]]",
        "('127.0.0.1', [[PORT:\\d+]])", "('127.0.0.1', [[PORT:\\d+]])", "[[PORT:(]]", "[[PORT:[a-]]", "[[:x]]",
        "[[bad name:x]]", "[[PORT:\\d+", "[[", "]]", "[[A]][[B]]", "[[A:.*]] [[A:.*]]", "b'abc'", "b'[..]' (re)",
        "a(b (re)", "[z-a] (re)", "x{99999999999} (re)", "(?<n>x) (re)", " (re)", "(re)", "\\(re)", "# a comment",
        "", "   ", "\t", "b''", "OSError: [Errno 98] Address already in use"};

    @Test
    void generatedTranscriptsParseOrAreRefusedWithOneLine() throws IOException {
        fuzz("transcript/parse", INPUTS);
    }

    @Test
    @EnabledIfSystemProperty(named = FuzzRun.LONG_RUN_PROPERTY, matches = "\\d+")
    @Timeout(value = 6, unit = TimeUnit.HOURS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void longRun() throws IOException {
        fuzz("transcript/parse (long run)", FuzzRun.longRunInputs());
    }

    private static void fuzz(String suite, int inputs) throws IOException {
        List<List<String>> shipped = shippedTranscripts();
        FuzzRun run = FuzzRun.start(suite, inputs);
        long start = System.nanoTime();
        int refused = 0;
        for (int i = 0; i < inputs; i++) {
            SplittableRandom random = run.input(i);
            String text = transcript(random, shipped);
            try {
                Transcript.parse(FILE, text);
            } catch (TranscriptError e) {
                refused++;
                String context = run.where(i) + " was refused with: " + Escaping.javaString(e.getMessage());
                assertTrue(e.getMessage().startsWith(FILE + ":") || e.getMessage().startsWith(FILE + " "), context);
                assertFalse(e.getMessage().contains("\n"), context);
                assertTrue(e.getMessage().length() > FILE.toString().length() + 4, context);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(run.where(i) + " threw on " + Escaping.javaString(abbreviated(text)), e);
            }
        }
        System.out.printf("%s: %d inputs in %.1f s, %d refused%n", suite, inputs, (System.nanoTime() - start) / 1e9,
                refused);
    }

    private static String transcript(SplittableRandom random, List<List<String>> shipped) {
        List<String> lines = switch (random.nextInt(4)) {
            case 0 -> mutated(random, new ArrayList<>(shipped.get(random.nextInt(shipped.size()))));
            case 1 -> pieces(random, 1 + random.nextInt(40));
            case 2 -> mutated(random, pieces(random, 1 + random.nextInt(20)));
            default -> List.of(FuzzText.chance(random, 0.5) ? FuzzText.anyText(random, 400)
                    : FuzzText.bytesAsText(random, 400));
        };
        String text = String.join(FuzzText.chance(random, 0.1) ? "\r\n" : "\n", lines);
        return FuzzText.chance(random, 0.5) ? text + "\n" : text;
    }

    private static List<String> pieces(SplittableRandom random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(FuzzText.oneOf(random, PIECES));
        }
        return lines;
    }

    /** Splices in pieces, drops and duplicates lines, mangles characters, adds huge lines. */
    private static List<String> mutated(SplittableRandom random, List<String> lines) {
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations; m++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(7)) {
                case 0 -> lines.add(at, FuzzText.oneOf(random, PIECES));
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                case 2 -> {
                    if (!lines.isEmpty()) {
                        lines.add(at, lines.get(at));
                    }
                }
                case 3 -> lines.add(at, FuzzText.anyText(random, 80));
                case 4 -> lines.add(at, "x".repeat(random.nextInt(200_000)));
                case 5 -> lines.add(at, "sockshell> " + FuzzText.anyText(random, 60));
                default -> {
                    if (!lines.isEmpty() && !lines.get(at).isEmpty()) {
                        char[] chars = lines.get(at).toCharArray();
                        chars[random.nextInt(chars.length)] = FuzzText.oneOf(random, '[', ']', '%', '\\', '>', ':', '(');
                        lines.set(at, new String(chars));
                    }
                }
            }
        }
        return lines;
    }

    private static List<List<String>> shippedTranscripts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("transcripts"))) {
            List<List<String>> texts = new ArrayList<>();
            for (Path file : files.filter(file -> file.toString().endsWith(".t")).sorted().toList()) {
                texts.add(Arrays.asList(Files.readString(file).split("\n", -1)));
            }
            return texts;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "... (" + text.length() + " chars)";
    }
}
