package io.sockshell.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Text laid out to a width, for help and tables: words wrapped at spaces with a hanging
 * indent, never cut inside a word, so nothing the terminal would wrap mid-word is printed.
 * A single word longer than the width stays whole on a line of its own.
 */
public final class Layout {
    /** The width when output is not a terminal (a script, a transcript, a file). */
    public static final int DEFAULT_WIDTH = 80;

    private Layout() {
    }

    /**
     * {@code text} in lines of at most {@code width} columns: the first starts with
     * {@code first}, the others with {@code indent} spaces.
     */
    public static List<String> wrap(String first, String text, int indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split(" +")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(" ".repeat(indent));
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Terms and what they mean, two columns: the meanings line up after the longest term
     * (terms longer than {@code maxTerm} get a line of their own) and wrap under themselves.
     */
    public static List<String> definitions(List<String[]> rows, int margin, int maxTerm, int width) {
        int termWidth = 0;
        for (String[] row : rows) {
            if (row[0].length() <= maxTerm) {
                termWidth = Math.max(termWidth, row[0].length());
            }
        }
        int column = margin + termWidth + 2;
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            String term = " ".repeat(margin) + row[0];
            if (row[0].length() > maxTerm) {
                lines.add(term);
                term = "";
            }
            String start = term + " ".repeat(column - term.length());
            lines.addAll(wrap(start, row[1], column, width));
        }
        return lines;
    }
}
