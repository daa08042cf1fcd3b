package io.sockshell.transcript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites an expected line that no longer matches so that it matches the new output while
 * keeping its patterns: a port capture, a {@code [..]}, stay where they still fit, and only
 * the literal text around them changes. The line's literal characters and patterns are
 * aligned with the output's characters at the fewest edits (a pattern may take any stretch of
 * output it fully matches). A repair is only offered when most of the line's literal text
 * survives, so a wildcard never swallows output that has nothing to do with the old line;
 * otherwise the caller writes the output as a plain literal.
 */
final class LineRepair {
    /** At most this share of the literal text may change for a repair to be worth keeping. */
    private static final double MAX_CHANGED_SHARE = 1.0 / 3;
    /** Longer lines are written as literals: aligning them character by character costs too much. */
    private static final int MAX_LENGTH = 400;

    private LineRepair() {
    }

    /** A literal character, or a whole pattern with the regex it must match. */
    private record Token(char character, String source, Pattern pattern) {
        boolean literal() {
            return source == null;
        }
    }

    /** A repaired line as written, and the captures it binds from the output. */
    record Repaired(String line, Map<String, String> bindings) {
    }

    static Optional<Repaired> repair(MatchLine line, String actual, Map<String, String> known) {
        List<Token> tokens = tokens(line, known);
        if (tokens == null || tokens.size() > MAX_LENGTH || actual.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String repaired = align(tokens, actual);
        if (repaired == null) {
            return Optional.empty();
        }
        String written = Literals.escapeStructure(repaired);
        return reread(written, repaired, line, actual, known).map(bindings -> new Repaired(written, bindings));
    }

    /** The line's tokens, or null when it cannot be repaired piece by piece (a regex line, say). */
    private static List<Token> tokens(MatchLine line, Map<String, String> known) {
        if (line.isRegex()) {
            return null;
        }
        List<Token> tokens = new ArrayList<>();
        for (MatchLine.Segment segment : line.segments()) {
            switch (segment.kind()) {
                case LITERAL -> segment.text().chars().forEach(c -> tokens.add(new Token((char) c, null, null)));
                case WILDCARD -> tokens.add(new Token('\0', segment.source(), Pattern.compile("(?s).*")));
                case BIND -> tokens.add(new Token('\0', segment.source(), Pattern.compile(segment.text())));
                case USE -> {
                    String value = known.get(segment.name());
                    if (value == null) {
                        return null;
                    }
                    tokens.add(new Token('\0', segment.source(), Pattern.compile(Pattern.quote(value))));
                }
                case REGEX -> {
                    return null;
                }
            }
        }
        return tokens;
    }

    /** The cheapest alignment written out, or null when too little of the line survives. */
    private static String align(List<Token> tokens, String actual) {
        int n = tokens.size();
        int m = actual.length();
        int[][] cost = new int[n + 1][m + 1];
        for (int j = 0; j <= m; j++) {
            cost[n][j] = m - j;
        }
        for (int i = n - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            for (int j = m; j >= 0; j--) {
                int best = 1 + cost[i + 1][j];
                if (j < m) {
                    best = Math.min(best, 1 + cost[i][j + 1]);
                }
                if (token.literal()) {
                    if (j < m && actual.charAt(j) == token.character()) {
                        best = Math.min(best, cost[i + 1][j + 1]);
                    }
                } else {
                    for (int k = j; k <= m; k++) {
                        if (cost[i + 1][k] < best && token.pattern().matcher(actual).region(j, k).matches()) {
                            best = cost[i + 1][k];
                        }
                    }
                }
                cost[i][j] = best;
            }
        }
        return writeOut(tokens, actual, cost);
    }

    private static String writeOut(List<Token> tokens, String actual, int[][] cost) {
        StringBuilder out = new StringBuilder();
        int literals = (int) tokens.stream().filter(Token::literal).count();
        int changed = 0;
        int keptPatterns = 0;
        int i = 0;
        int j = 0;
        while (i < tokens.size() || j < actual.length()) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            int here = cost[i][j];
            if (token != null && token.literal() && j < actual.length() && actual.charAt(j) == token.character()
                    && here == cost[i + 1][j + 1]) {
                out.append(token.character());
                i++;
                j++;
                continue;
            }
            int consumed = token == null || token.literal() ? -1 : patternEnd(token, actual, j, here, cost[i + 1]);
            if (consumed >= 0) {
                out.append(token.source());
                keptPatterns++;
                i++;
                j = consumed;
            } else if (token != null && here == 1 + cost[i + 1][j]) {
                changed += token.literal() ? 1 : 0;
                i++;
            } else {
                out.append(actual.charAt(j++));
                changed++;
            }
        }
        boolean worthIt = keptPatterns > 0 && changed <= MAX_CHANGED_SHARE * Math.max(literals, 1);
        return worthIt ? out.toString() : null;
    }

    private static int patternEnd(Token token, String actual, int from, int here, int[] next) {
        for (int k = from; k <= actual.length(); k++) {
            if (next[k] == here && token.pattern().matcher(actual).region(from, k).matches()) {
                return k;
            }
        }
        return -1;
    }

    /** What the repaired line binds when read back and matched, or empty when it no longer matches. */
    private static Optional<Map<String, String>> reread(String written, String body, MatchLine original,
            String actual, Map<String, String> known) {
        try {
            MatchLine reread = MatchLine.parse(written, body, original.line(), sentence -> new TranscriptError(
                    Path.of(""), original.line(), sentence));
            return reread.isRegex() ? Optional.empty() : reread.compile(known).match(actual);
        } catch (TranscriptError e) {
            return Optional.empty();
        }
    }
}
