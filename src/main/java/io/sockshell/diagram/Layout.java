package io.sockshell.diagram;

import java.util.List;
import java.util.Map;

/**
 * Where each column goes, in character cells: far enough apart for the column names, the
 * labels beside each lifeline and the labels over each message, as far as {@code maxWidth}
 * allows. When the labels want more room than that, the gaps shrink in proportion to what each
 * wanted beyond its minimum, and labels are cut to the room they get. Only when even the
 * column names do not fit is the diagram wider than asked.
 */
final class Layout {
    /** Cells between a message's ends and its label: the arrow's start, head and spaces. */
    static final int MESSAGE_PADDING = 6;
    /** Cells between a lifeline and the label beside it, and after the label. */
    static final int LOCAL_PADDING = 3;
    private static final int MIN_GAP = 6;

    private final int[] x;
    private final int width;

    private Layout(int[] x, int width) {
        this.x = x;
        this.width = width;
    }

    /** The column's lifeline position. */
    int x(int column) {
        return x[column];
    }

    int width() {
        return width;
    }

    int columns() {
        return x.length;
    }

    /**
     * Lays out {@code scene} in at most {@code maxWidth} cells, {@code labels} giving each
     * row's label text (the width a label wants is at most {@code labelCap}).
     */
    static Layout of(Scene scene, int maxWidth, int labelCap, java.util.function.Function<Label, String> labels) {
        List<Scene.Column> columns = scene.columns();
        int n = columns.size();
        if (n == 0) {
            return new Layout(new int[0], 0);
        }
        int[] least = new int[n];
        for (int i = 0; i < n; i++) {
            least[i] = i + 1 < n
                    ? Math.max(MIN_GAP, half(columns.get(i).name()) + half(columns.get(i + 1).name()) + 3)
                    : half(columns.get(i).name()) + 1;
        }
        Map<String, int[]> parties = scene.parties();
        int left = half(columns.get(0).name()) + 1;
        int[] wanted = least.clone();
        if (parties.size() > 1) {
            int[][] spans = parties.values().toArray(new int[0][]);
            String[] names = parties.keySet().toArray(new String[0]);
            for (int p = 0; p + 1 < spans.length; p++) {
                least[spans[p][1]] += 2;
                wanted[spans[p][1]] += 2;
                // The party's name, written from its first column, must end before the next party's.
                int need = names[p].length() + 3 + half(columns.get(spans[p][0]).name())
                        - half(columns.get(spans[p + 1][0]).name());
                widen(least, spans[p][0], spans[p + 1][0], need);
                widen(wanted, spans[p][0], spans[p + 1][0], need);
            }
            left = Math.max(left, 1);
        }
        for (Scene.Row row : scene.rows()) {
            if (row instanceof Scene.Local local) {
                int need = Math.min(labelCap, labels.apply(local.label()).length()) + LOCAL_PADDING;
                wanted[local.column()] = Math.max(wanted[local.column()], need);
            } else if (row instanceof Scene.Note note) {
                int need = Math.min(labelCap, labels.apply(note.label()).length()) + LOCAL_PADDING;
                wanted[note.first()] = Math.max(wanted[note.first()], need);
            } else if (row instanceof Scene.Message message) {
                int from = Math.min(message.from(), message.to());
                int to = Math.max(message.from(), message.to());
                int need = Math.min(labelCap, labels.apply(message.label()).length()) + MESSAGE_PADDING;
                if (from != to) {
                    widen(wanted, from, to, need);
                }
            }
        }
        int leastTotal = left + sum(least);
        int wantedTotal = left + sum(wanted);
        int[] gaps;
        if (wantedTotal <= maxWidth) {
            gaps = wanted;
        } else if (leastTotal >= maxWidth) {
            gaps = least;
        } else {
            gaps = new int[n];
            int extra = maxWidth - leastTotal;
            long wantedExtra = (long) wantedTotal - leastTotal;
            int given = 0;
            for (int i = 0; i < n; i++) {
                gaps[i] = least[i] + (int) (extra * (long) (wanted[i] - least[i]) / wantedExtra);
                given += gaps[i] - least[i];
            }
            gaps[n - 1] += extra - given;
        }
        int[] x = new int[n];
        x[0] = left;
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + gaps[i - 1];
        }
        return new Layout(x, x[n - 1] + gaps[n - 1]);
    }

    /** Makes the gaps from column {@code from} to column {@code to} add up to at least {@code need}, evenly. */
    private static void widen(int[] gaps, int from, int to, int need) {
        int have = 0;
        for (int i = from; i < to; i++) {
            have += gaps[i];
        }
        int missing = need - have;
        for (int i = from; i < to && missing > 0; i++) {
            int share = (missing + (to - i) - 1) / (to - i);
            gaps[i] += share;
            missing -= share;
        }
    }

    private static int half(String name) {
        return (name.length() + 1) / 2;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }
}
