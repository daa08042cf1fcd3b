package io.sockshell.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a block of expected lines against the lines a step printed. It finds the alignment
 * with the fewest unmatched lines ({@code ...} absorbs any run of lines for free), which both
 * decides whether the block matches and gives the block an update writes: every expected line
 * that still matches is kept as written, patterns and captures included, and every output line
 * nothing matched is written as a literal.
 */
final class BlockMatcher {
    private BlockMatcher() {
    }

    /**
     * What matching one block found.
     *
     * @param matched        whether every expected line and every output line found its partner
     * @param rewritten      the block an update writes
     * @param bindings       the captures this block bound (also from a failed block, where a
     *                       binding line matched some output line, so later steps can still run)
     * @param droppedBindings captures whose binding line is not in {@code rewritten}
     */
    record Result(boolean matched, List<String> rewritten, Map<String, String> bindings, Set<String> droppedBindings) {
    }

    private enum Move { MATCH, SKIP_ANY, ABSORB, DROP_EXPECTED, INSERT_ACTUAL }

    static Result match(List<ExpectedLine> expected, List<String> actual, Map<String, String> known) {
        return new Alignment(expected, actual, known).result();
    }

    private static final class Alignment {
        private static final byte UNKNOWN = 0;
        private static final byte YES = 1;
        private static final byte NO = 2;

        final List<ExpectedLine> expected;
        final List<String> actual;
        final Map<String, String> known;
        final MatchLine.Compiled[] compiled;
        final byte[][] matches;
        final int[][] cost;

        Alignment(List<ExpectedLine> expected, List<String> actual, Map<String, String> known) {
            this.expected = expected;
            this.actual = actual;
            this.known = known;
            this.compiled = new MatchLine.Compiled[expected.size()];
            this.matches = new byte[expected.size()][actual.size()];
            this.cost = new int[expected.size() + 1][actual.size() + 1];
            fillCosts();
        }

        private void fillCosts() {
            int n = expected.size();
            int m = actual.size();
            for (int i = n; i >= 0; i--) {
                for (int j = m; j >= 0; j--) {
                    if (i == n) {
                        cost[i][j] = m - j;
                    } else if (expected.get(i) instanceof AnyLines) {
                        cost[i][j] = j < m ? Math.min(cost[i + 1][j], cost[i][j + 1]) : cost[i + 1][j];
                    } else {
                        int best = 1 + cost[i + 1][j];
                        if (j < m) {
                            best = Math.min(best, 1 + cost[i][j + 1]);
                            if (lineMatches(i, j)) {
                                best = Math.min(best, cost[i + 1][j + 1]);
                            }
                        }
                        cost[i][j] = best;
                    }
                }
            }
        }

        private boolean lineMatches(int i, int j) {
            if (matches[i][j] == UNKNOWN) {
                if (compiled[i] == null) {
                    compiled[i] = ((MatchLine) expected.get(i)).compile(known);
                }
                matches[i][j] = compiled[i].match(actual.get(j)).isPresent() ? YES : NO;
            }
            return matches[i][j] == YES;
        }

        /** The cheapest path; ties prefer keeping expected lines, so a rewrite keeps patterns. */
        private Move next(int i, int j) {
            int n = expected.size();
            int m = actual.size();
            if (i == n) {
                return Move.INSERT_ACTUAL;
            }
            if (expected.get(i) instanceof AnyLines) {
                return j == m || cost[i + 1][j] <= cost[i][j + 1] ? Move.SKIP_ANY : Move.ABSORB;
            }
            if (j < m && lineMatches(i, j) && cost[i][j] == cost[i + 1][j + 1]) {
                return Move.MATCH;
            }
            return cost[i][j] == 1 + cost[i + 1][j] ? Move.DROP_EXPECTED : Move.INSERT_ACTUAL;
        }

        Result result() {
            Map<String, String> values = new HashMap<>(known);
            Map<String, String> bound = new HashMap<>();
            List<String> rewritten = new ArrayList<>();
            Set<String> dropped = new LinkedHashSet<>();
            List<MatchLine> unmatchedBinders = new ArrayList<>();
            boolean verified = true;
            int i = 0;
            int j = 0;
            while (i < expected.size() || j < actual.size()) {
                switch (next(i, j)) {
                    case MATCH -> {
                        MatchLine line = (MatchLine) expected.get(i);
                        Optional<Map<String, String>> found = line.compile(values).match(actual.get(j));
                        if (found.isPresent()) {
                            values.putAll(found.get());
                            bound.putAll(found.get());
                            rewritten.add(line.source());
                        } else {
                            // A use of a capture bound earlier in this block holds another value.
                            verified = false;
                            rewritten.add(Literals.expectedLine(actual.get(j)));
                            dropped.addAll(line.bindings());
                            unmatchedBinders.add(line);
                        }
                        i++;
                        j++;
                    }
                    case SKIP_ANY -> rewritten.add(expected.get(i++).source());
                    case ABSORB -> j++;
                    case DROP_EXPECTED -> {
                        if (expected.get(i) instanceof MatchLine line) {
                            dropped.addAll(line.bindings());
                            unmatchedBinders.add(line);
                        }
                        i++;
                    }
                    case INSERT_ACTUAL -> rewritten.add(Literals.expectedLine(actual.get(j++)));
                }
            }
            for (MatchLine line : unmatchedBinders) {
                bindFromAnyLine(line, values, bound);
            }
            boolean matched = verified && cost[0][0] == 0;
            return new Result(matched, List.copyOf(rewritten), Map.copyOf(bound), dropped);
        }

        /** Binds a failed line's captures from the first output line it matches, if any. */
        private void bindFromAnyLine(MatchLine line, Map<String, String> values, Map<String, String> bound) {
            if (line.bindings().isEmpty()) {
                return;
            }
            MatchLine.Compiled pattern = line.compile(values);
            for (String candidate : actual) {
                Optional<Map<String, String>> found = pattern.match(candidate);
                if (found.isPresent()) {
                    values.putAll(found.get());
                    bound.putAll(found.get());
                    return;
                }
            }
        }
    }
}
