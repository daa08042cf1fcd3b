package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

/**
 * Every command's help, as {@code help COMMAND} prints it at 80 columns and narrower, read for
 * the kinds of mistakes a reader trips over: a line the terminal would wrap mid-word, Picocli's
 * {@code %%} left doubled, a summary cut mid-sentence, a stray blank line, an option of the
 * synopsis split across lines.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HelpTextTest {
    private static final List<Integer> WIDTHS = List.of(80, 60);

    static Stream<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Class<? extends ShellCommand> type : Commands.ALL) {
            topics.add(type.getAnnotation(Command.class).name());
        }
        topics.add("data");
        return topics.stream();
    }

    private static List<String> help(String arguments, int width) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        try (Session session = new Session(out, out)) {
            session.width(width);
            assertEquals(Session.OK, session.execute(("help " + arguments).strip()), text::toString);
        }
        out.flush();
        return text.toString().lines().toList();
    }

    @ParameterizedTest(name = "help {0}")
    @MethodSource("topics")
    void eachHelpFitsTheWidthReadsCleanlyAndKeepsItsSynopsisWhole(String topic) {
        for (int width : WIDTHS) {
            List<String> lines = help(topic, width);
            String shown = "help " + topic + " at " + width + " columns:\n" + String.join("\n", lines);
            assertFalse(lines.isEmpty(), shown);
            for (String line : lines) {
                assertTrue(line.length() <= width, () -> "longer than " + width + ": '" + line + "' in " + shown);
                assertFalse(line.contains("%%"), () -> "a doubled % in '" + line + "' in " + shown);
                assertEquals(line.stripTrailing(), line, () -> "blanks at the end of '" + line + "' in " + shown);
            }
            assertFalse(lines.get(0).isBlank(), shown);
            assertFalse(lines.get(lines.size() - 1).isBlank(), shown);
            for (int i = 1; i < lines.size(); i++) {
                assertFalse(lines.get(i).isBlank() && lines.get(i - 1).isBlank(), () -> "two blank lines in " + shown);
            }
            assertEquals(List.of(), splitSynopsisParts(lines), shown);
        }
    }

    /** Synopsis lines (from Usage: to the first line that is not indented) whose brackets do not pair up. */
    private static List<String> splitSynopsisParts(List<String> lines) {
        List<String> unbalanced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("Usage:")) {
                continue;
            }
            for (int j = i; j < lines.size() && (j == i || lines.get(j).startsWith(" ")); j++) {
                String line = lines.get(j);
                if (line.chars().filter(c -> c == '[').count() != line.chars().filter(c -> c == ']').count()) {
                    unbalanced.add(line);
                }
            }
        }
        return unbalanced;
    }

    @Test
    void theListGivesEachCommandOneWholeSentenceAndFitsTheWidth() {
        for (int width : WIDTHS) {
            List<String> lines = help("", width);
            List<String> summaries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(line.length() <= width, () -> "longer than " + width + ": '" + line + "'");
                if (line.startsWith("  ") && !line.startsWith("   ")) {
                    summaries.add(line.substring(15));
                } else {
                    summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
                }
            }
            assertEquals(Commands.ALL.size(), summaries.size(), String.join("\n", lines));
            for (String summary : summaries) {
                assertTrue(summary.endsWith("."), () -> "not a whole sentence: '" + summary + "'");
                assertFalse(summary.contains("%"), summary);
            }
        }
    }

    @Test
    void waitAndKillSayHowToNameAJobWithASinglePercent() {
        assertTrue(String.join("\n", help("wait", 80)).contains("Name jobs as 1 or %1"));
        assertTrue(String.join("\n", help("kill", 80)).contains("Name jobs as 1 or %1"));
    }

    @Test
    void dataFormsLineUpInTwoColumns() {
        for (int width : WIDTHS) {
            List<String> lines = help("data", width);
            int column = -1;
            for (String line : lines.subList(1, lines.size() - 1)) {
                if (line.startsWith("  ") && !line.startsWith("   ")) {
                    int meaning = line.indexOf("  ", 2) + 2;
                    while (line.charAt(meaning) == ' ') {
                        meaning++;
                    }
                    if (column < 0) {
                        column = meaning;
                    }
                    assertEquals(column, meaning, () -> "out of line: '" + line + "' in\n" + String.join("\n", lines));
                }
            }
        }
    }
}
