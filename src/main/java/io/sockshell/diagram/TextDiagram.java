package io.sockshell.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A scene drawn for a terminal with Unicode box drawing, or in plain ASCII: a lifeline per
 * socket under its name and its party's, a row per moment. A blocked call's lifeline is heavy
 * ({@code ┃}, {@code #} in ASCII) from the call to the row after what released it; a message is
 * an arrow with its label on it, dashed for an orderly close ({@code FIN}) and ending in
 * {@code x} for a reset. The diagram keeps to the width it is given; labels are cut to fit.
 */
public final class TextDiagram {
    /** The characters a diagram is drawn with. */
    private record Glyphs(char line, char active, char horizontal, char dashed, char right, char left, char reset,
            char fromLine, char fromLineLeft, char fromActive, char fromActiveLeft, char cross, char topLeft,
            char topRight, char bottomLeft, char bottomRight, char mark, String ellipsis) {
    }

    private static final Glyphs UNICODE = new Glyphs('│', '┃', '─', '╌', '►', '◄', 'x', '├', '┤', '┣', '┫', '┼',
            '┌', '┐', '└', '┘', '═', "…");
    private static final Glyphs ASCII = new Glyphs('|', '#', '-', '.', '>', '<', 'x', '+', '+', '#', '#', '+',
            '+', '+', '+', '+', '=', "...");
    /** The most cells a label asks for; the layout gives it no more, however wide the terminal. */
    private static final int LABEL_CAP = 56;

    private final Glyphs glyphs;
    private final int maxWidth;

    private TextDiagram(Glyphs glyphs, int maxWidth) {
        this.glyphs = glyphs;
        this.maxWidth = maxWidth;
    }

    /** Unicode box drawing in at most {@code width} columns. */
    public static TextDiagram unicode(int width) {
        return new TextDiagram(UNICODE, width);
    }

    /** Plain ASCII in at most {@code width} columns: every character of the drawing below 0x7f. */
    public static TextDiagram ascii(int width) {
        return new TextDiagram(ASCII, width);
    }

    public String draw(Scene scene) {
        if (scene.isEmpty()) {
            return "(no socket calls to draw)\n";
        }
        Layout layout = Layout.of(scene, maxWidth, LABEL_CAP, label -> text(label).full());
        int width = Math.max(layout.width(), Math.min(maxWidth, layout.width() + LABEL_CAP));
        List<String> lines = new ArrayList<>();
        header(scene, layout, lines);
        List<Scene.Row> rows = scene.rows();
        for (int r = 0; r < rows.size(); r++) {
            lines.add(row(scene, layout, width, rows.get(r), r));
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private void header(Scene scene, Layout layout, List<String> lines) {
        Map<String, int[]> parties = scene.parties();
        List<Scene.Column> columns = scene.columns();
        if (parties.size() > 1 || !parties.containsKey("sockshell")) {
            char[] line = blank(layout.width() + 1);
            for (Map.Entry<String, int[]> party : parties.entrySet()) {
                int first = party.getValue()[0];
                int last = party.getValue()[1];
                int from = Math.max(0, layout.x(first) - half(columns.get(first).name()));
                int to = layout.x(last) + columns.get(last).name().length() / 2;
                String name = plain(party.getKey());
                int end = put(line, from, name, line.length);
                for (int i = end + 1; i <= to && i < line.length; i++) {
                    line[i] = glyphs.horizontal;
                }
            }
            lines.add(new String(line));
        }
        char[] names = blank(layout.width() + 1);
        for (int i = 0; i < columns.size(); i++) {
            put(names, Math.max(0, layout.x(i) - half(columns.get(i).name())), plain(columns.get(i).name()), names.length);
        }
        lines.add(new String(names));
    }

    private String row(Scene scene, Layout layout, int width, Scene.Row row, int index) {
        char[] line = blank(width);
        int columns = scene.columns().size();
        for (int c = 0; c < columns; c++) {
            Scene.State state = scene.state(c, index);
            if (state != Scene.State.ABSENT) {
                line[layout.x(c)] = state == Scene.State.ACTIVE ? glyphs.active : glyphs.line;
            }
        }
        if (row instanceof Scene.Message message) {
            message(scene, layout, line, message, index);
        } else if (row instanceof Scene.Local local) {
            beside(scene, layout, width, line, local.column(), local.label(), index);
        } else if (row instanceof Scene.Note note) {
            beside(scene, layout, width, line, note.first(), note.label(), index);
        } else if (row instanceof Scene.LoopStart loop) {
            rule(line, glyphs.topLeft, glyphs.topRight, glyphs.horizontal,
                    plain("loop " + loop.times() + " x: " + loop.summary()));
        } else if (row instanceof Scene.LoopEnd) {
            rule(line, glyphs.bottomLeft, glyphs.bottomRight, glyphs.horizontal, null);
        } else if (row instanceof Scene.Mark mark) {
            rule(line, glyphs.mark, glyphs.mark, glyphs.mark, plain(mark.text()));
        }
        return new String(line);
    }

    /** A label beside column {@code column}'s lifeline, cut where the next lifeline on the row is. */
    private void beside(Scene scene, Layout layout, int width, char[] line, int column, Label label, int index) {
        int from = layout.x(column) + 2;
        int until = width;
        for (int c = column + 1; c < scene.columns().size(); c++) {
            if (scene.state(c, index) != Scene.State.ABSENT) {
                until = layout.x(c) - 1;
                break;
            }
        }
        put(line, from, text(label).fit(until - from, glyphs.ellipsis), until);
    }

    private void message(Scene scene, Layout layout, char[] line, Scene.Message message, int index) {
        int from = layout.x(message.from());
        int to = layout.x(message.to());
        boolean rightward = to > from;
        char body = message.line() == Scene.Line.FIN ? glyphs.dashed : glyphs.horizontal;
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        for (int i = low + 1; i < high; i++) {
            line[i] = body;
        }
        boolean active = scene.state(message.from(), index) == Scene.State.ACTIVE;
        line[from] = rightward ? (active ? glyphs.fromActive : glyphs.fromLine)
                : (active ? glyphs.fromActiveLeft : glyphs.fromLineLeft);
        char head = message.line() == Scene.Line.RST ? glyphs.reset : rightward ? glyphs.right : glyphs.left;
        line[rightward ? to - 1 : to + 1] = head;
        int room = high - low - Layout.MESSAGE_PADDING;
        String label = text(message.label()).fit(room, glyphs.ellipsis);
        if (!label.isEmpty()) {
            int start = low + (high - low - label.length()) / 2;
            line[start - 1] = ' ';
            put(line, start, label, high - 1);
            line[Math.min(high - 2, start + label.length())] = ' ';
        }
    }

    /** A line across the diagram: the ends, the rule, lifelines crossing it, and a label near its start. */
    private void rule(char[] line, char start, char end, char fill, String label) {
        for (int i = 0; i < line.length; i++) {
            boolean lifeline = line[i] == glyphs.line || line[i] == glyphs.active;
            line[i] = lifeline ? glyphs.cross : fill;
        }
        line[0] = start;
        line[line.length - 1] = end;
        if (label != null) {
            String shown = Label.of(label).fit(line.length - 6, glyphs.ellipsis);
            line[2] = ' ';
            put(line, 3, shown, line.length - 2);
            line[Math.min(line.length - 2, 3 + shown.length())] = ' ';
        }
    }

    /** The label as this diagram writes it: in ASCII, the arrows and marks it uses spelled out. */
    private Label text(Label label) {
        return glyphs == ASCII ? label.map(TextDiagram::ascii) : label;
    }

    private String plain(String text) {
        return glyphs == ASCII ? ascii(text) : text;
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '→' -> out.append("->");
                case '…' -> out.append("...");
                case '✗' -> out.append("x");
                default -> {
                    if (c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Writes {@code text} from {@code at}, no further than {@code limit}; returns where it ended. */
    private static int put(char[] line, int at, String text, int limit) {
        int i = at;
        for (int k = 0; k < text.length() && i < Math.min(limit, line.length); k++, i++) {
            line[i] = text.charAt(k);
        }
        return i;
    }

    private static char[] blank(int width) {
        char[] line = new char[Math.max(width, 1)];
        Arrays.fill(line, ' ');
        return line;
    }

    private static int half(String name) {
        return name.length() / 2;
    }
}
