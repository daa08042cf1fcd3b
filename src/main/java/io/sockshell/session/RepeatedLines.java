package io.sockshell.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Scripts repeat the same lines thousands of times ({@code send c "x"}, {@code recv conn 1024}),
 * and splitting a line and Picocli's parse cost far more than the socket call itself. A line
 * seen twice gets a command object of its own, parsed by Picocli once for that line alone and
 * never split or parsed again, so running it again is just calling it: its fields and parse
 * result are exactly what a fresh parse of the same line would give, because splitting and
 * parsing depend on nothing but the line's text (commands convert their arguments when they
 * run, not when they are parsed).
 */
final class RepeatedLines {
    /** Distinct lines kept; a script with more distinct lines just parses the rest as usual. */
    private static final int MAX_LINES = 512;
    /** Longer lines (big data literals) are not worth holding on to. */
    private static final int MAX_LINE_CHARS = 4096;

    private final Map<String, Boolean> seenOnce = bounded();
    private final Map<String, CommandLine> parsed = bounded();

    /** The command parsed for exactly this line, or null when the line must be split and parsed as usual. */
    CommandLine prepared(String line) {
        return parsed.get(line);
    }

    /**
     * Notes a line that was just split into {@code words}, parsed and run in the foreground the
     * usual way; on its second sighting, parses it once more into a command of its own. Lines
     * Picocli rejects or that ask for help are never kept, so they always take the usual path
     * and print what it prints.
     */
    void ran(String line, List<String> words, Supplier<CommandLine> freshCommand) {
        if (line.length() > MAX_LINE_CHARS || parsed.containsKey(line)) {
            return;
        }
        if (seenOnce.remove(line) == null) {
            seenOnce.put(line, Boolean.TRUE);
            return;
        }
        CommandLine command = freshCommand.get();
        ParseResult result;
        try {
            result = command.parseArgs(words.subList(1, words.size()).toArray(new String[0]));
        } catch (ParameterException e) {
            return;
        }
        if (!result.isUsageHelpRequested() && !result.isVersionHelpRequested()) {
            parsed.put(line, command);
        }
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_LINES;
            }
        };
    }
}
