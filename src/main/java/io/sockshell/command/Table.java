package io.sockshell.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of columns laid out to a width, as {@code sockets} shows them. Columns stand side by
 * side, each as wide as its widest cell, two spaces apart. When they do not all fit, the
 * table is cut into bands that do: the first band is the usual table, and each row's cells of
 * the later bands are stacked under it, indented past the first column (the row's name), with
 * the bands' headers stacked the same way. Columns come in groups that belong together (the
 * addresses, the counters), and a band breaks between groups where it can. Nothing is ever
 * cut or wrapped mid-cell, so a terminal never breaks a row in the middle of an address.
 */
public final class Table {
    private static final int GAP = 2;

    private final String[] headers;
    /** For each column, whether a new group starts there. */
    private final boolean[] groupStarts;
    private final List<String[]> rows = new ArrayList<>();

    /** A table whose columns are these groups of headers, in order. */
    public Table(List<List<String>> groups) {
        List<String> all = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        for (List<String> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                all.add(group.get(i));
                starts.add(i == 0);
            }
        }
        headers = all.toArray(String[]::new);
        groupStarts = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            groupStarts[i] = starts.get(i);
        }
    }

    /** A table whose columns all belong together. */
    public Table(String... headers) {
        this(List.of(List.of(headers)));
    }

    /** Adds a row: one cell per column. */
    public Table row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(headers.length + " cells expected, got " + Arrays.toString(cells));
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table in lines of at most {@code width} columns (a single cell wider than that stands alone). */
    public List<String> lines(int width) {
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<int[]> bands = bands(widths, width);
        List<String> lines = new ArrayList<>();
        addRow(lines, headers, widths, bands);
        for (String[] row : rows) {
            addRow(lines, row, widths, bands);
        }
        return lines;
    }

    /**
     * Columns cut into bands, each {@code {from, to}}: whole groups while they fit, a group
     * too wide for a band of its own split between its columns. Bands after the first are
     * indented past the first column.
     */
    private List<int[]> bands(int[] widths, int width) {
        int indent = widths[0] + GAP;
        List<int[]> bands = new ArrayList<>();
        int from = 0;
        int used = 0;
        int column = 0;
        while (column < widths.length) {
            int gap = column == from ? 0 : GAP;
            if (groupStarts[column]) {
                int end = groupEnd(column);
                int groupWidth = span(widths, column, end);
                if (column > from && used + gap + groupWidth > width) {
                    bands.add(new int[] {from, column});
                    from = column;
                    used = indent;
                    continue;
                }
                if (used + gap + groupWidth <= width) {
                    used += gap + groupWidth;
                    column = end;
                    continue;
                }
            }
            // A group wider than a band of its own: its columns go one at a time.
            int need = gap + widths[column];
            if (column > from && used + need > width) {
                bands.add(new int[] {from, column});
                from = column;
                used = indent;
                need = widths[column];
            }
            used += need;
            column++;
        }
        bands.add(new int[] {from, widths.length});
        return bands;
    }

    /** Just past the last column of the group that {@code column} is in, counted from {@code column}. */
    private int groupEnd(int column) {
        int end = column + 1;
        while (end < headers.length && !groupStarts[end]) {
            end++;
        }
        return end;
    }

    private static int span(int[] widths, int from, int to) {
        int total = 0;
        for (int column = from; column < to; column++) {
            total += widths[column] + (column > from ? GAP : 0);
        }
        return total;
    }

    private static void addRow(List<String> lines, String[] cells, int[] widths, List<int[]> bands) {
        for (int band = 0; band < bands.size(); band++) {
            int[] columns = bands.get(band);
            StringBuilder line = new StringBuilder(band == 0 ? "" : " ".repeat(widths[0] + GAP));
            for (int column = columns[0]; column < columns[1]; column++) {
                line.append(cells[column]);
                if (column < columns[1] - 1) {
                    line.append(" ".repeat(widths[column] - cells[column].length() + GAP));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
    }
}
