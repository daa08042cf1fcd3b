package io.sockshell.transcript;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a block of expected lines against the lines a step printed. It finds the alignment
 * with the fewest unmatched lines ({@code ...} absorbs any run of lines for free), which both
 * decides whether the block matches and gives the block an update writes: every expected line
 * that still matches is kept as written, patterns and captures included; a changed line keeps
 * its patterns where they still fit ({@link LineRepair}); any other output line is written as
 * a literal.
 */
final class BlockMatcher {
    /**
     * Above this many expected-by-output line pairs, a block that does not match line for line
     * is written out as literals: the alignment table would cost too much memory and time.
     */
    private static final long MAX_ALIGNED_PAIRS = 4_000_000;

    private BlockMatcher() {
    }

    /**
     * What matching one block found.
     *
     * @param matched        whether every expected line and every output line found its partner
     * @param rewritten      the block an update writes
     * @param bindings       the captures this block bound (also from a failed block, where a
     *                       binding line still fits some output line, so later steps can run)
     */
    record Result(boolean matched, List<String> rewritten, Map<String, String> bindings) {
    }

    private enum Move { MATCH, SKIP_ANY, ABSORB, DROP_EXPECTED, INSERT_ACTUAL }

    static Result match(List<ExpectedLine> expected, List<String> actual, Map<String, String> known) {
        if (expected.isEmpty()) {
            // A plain script's steps expect nothing: every line printed is new, written as a literal
            // (worked out only if an update asks for it: sockshell run never does).
            return new Result(actual.isEmpty(), new AbstractList<>() {
                @Override
                public String get(int index) {
                    return Literals.expectedLine(actual.get(index));
                }

                @Override
                public int size() {
                    return actual.size();
                }
            }, Map.of());
        }
        Result lineForLine = lineForLine(expected, actual, known);
        if (lineForLine != null) {
            return lineForLine;
        }
        if ((long) expected.size() * actual.size() > MAX_ALIGNED_PAIRS) {
            return new Result(false, actual.stream().map(Literals::expectedLine).toList(), Map.of());
        }
        return new Alignment(expected, actual, known).result();
    }

    /** The common case, cheaply: each expected line matches the output line in its place. */
    private static Result lineForLine(List<ExpectedLine> expected, List<String> actual, Map<String, String> known) {
        if (expected.size() != actual.size()) {
            return null;
        }
        Map<String, String> values = new HashMap<>(known);
        Map<String, String> bound = new HashMap<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!(expected.get(i) instanceof MatchLine line)) {
                return null;
            }
            Optional<Map<String, String>> found = line.compile(values).match(actual.get(i));
            if (found.isEmpty()) {
                return null;
            }
            values.putAll(found.get());
            bound.putAll(found.get());
            sources.add(line.source());
        }
        return new Result(true, List.copyOf(sources), Map.copyOf(bound));
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
            Changes changes = new Changes();
            boolean verified = true;
            int i = 0;
            int j = 0;
            while (i < expected.size() || j < actual.size()) {
                Move move = next(i, j);
                if (move != Move.DROP_EXPECTED && move != Move.INSERT_ACTUAL) {
                    changes.flush();
                }
                switch (move) {
                    case MATCH -> {
                        MatchLine line = (MatchLine) expected.get(i);
                        Optional<Map<String, String>> found = line.compile(changes.values).match(actual.get(j));
                        if (found.isPresent()) {
                            changes.bind(found.get());
                            changes.rewritten.add(line.source());
                        } else {
                            // A use of a capture bound earlier in this block holds another value.
                            verified = false;
                            changes.dropped.add(line);
                            changes.inserted.add(actual.get(j));
                        }
                        i++;
                        j++;
                    }
                    case SKIP_ANY -> changes.rewritten.add(expected.get(i++).source());
                    case ABSORB -> j++;
                    case DROP_EXPECTED -> {
                        if (expected.get(i) instanceof MatchLine line) {
                            changes.dropped.add(line);
                        }
                        i++;
                    }
                    case INSERT_ACTUAL -> changes.inserted.add(actual.get(j++));
                }
            }
            changes.flush();
            for (MatchLine line : changes.unmatched) {
                bindFromAnyLine(line, changes);
            }
            boolean matched = verified && cost[0][0] == 0;
            return new Result(matched, List.copyOf(changes.rewritten), Map.copyOf(changes.bound));
        }

        /**
         * The block being rewritten. Expected lines that found no partner and output lines
         * that found none gather in a run between matches; at the end of the run they pair up
         * in order, and each pair is repaired (keeping the old line's patterns, and binding its
         * captures from the new output) if it can be.
         */
        private final class Changes {
            final Map<String, String> values = new HashMap<>(known);
            final Map<String, String> bound = new HashMap<>();
            final List<String> rewritten = new ArrayList<>();
            final List<MatchLine> dropped = new ArrayList<>();
            final List<String> inserted = new ArrayList<>();
            final List<MatchLine> unmatched = new ArrayList<>();

            void bind(Map<String, String> found) {
                values.putAll(found);
                bound.putAll(found);
            }

            void flush() {
                for (int k = 0; k < inserted.size(); k++) {
                    String output = inserted.get(k);
                    Optional<LineRepair.Repaired> repaired = k < dropped.size()
                            ? LineRepair.repair(dropped.get(k), output, values) : Optional.empty();
                    if (repaired.isPresent()) {
                        rewritten.add(repaired.get().line());
                        bind(repaired.get().bindings());
                    } else {
                        rewritten.add(Literals.expectedLine(output));
                        if (k < dropped.size()) {
                            unmatched.add(dropped.get(k));
                        }
                    }
                }
                unmatched.addAll(dropped.subList(Math.min(inserted.size(), dropped.size()), dropped.size()));
                dropped.clear();
                inserted.clear();
            }
        }

        /** Binds a failed line's captures from the first output line it matches, if any. */
        private void bindFromAnyLine(MatchLine line, Changes changes) {
            if (line.bindings().isEmpty()) {
                return;
            }
            MatchLine.Compiled pattern = line.compile(changes.values);
            for (String candidate : actual) {
                Optional<Map<String, String>> found = pattern.match(candidate);
                if (found.isPresent()) {
                    changes.bind(found.get());
                    return;
                }
            }
        }
    }
}
