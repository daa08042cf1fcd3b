package io.sockshell.diagram;

import io.sockshell.conversation.Source;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A scene as a self-contained SVG: no scripts, fonts or images from elsewhere. It draws on a
 * background of its own in neutral colours, and a page in a dark theme gets dark colours
 * ({@code prefers-color-scheme}), so it reads on light and dark pages and on a slide. Each row
 * whose step or snippet differs from the row above has that line's number in the margin, a
 * link back to it when links are given.
 */
public final class SvgDiagram {
    /** Width of one character of the 12 px monospaced font, in pixels, as the layout counts cells. */
    static final double CELL = 7.25;
    static final int ROW = 24;
    private static final int PAD = 16;
    private static final int HEADER_ROW = 26;
    private static final int GUTTER = 44;
    /** The widest the layout may make a diagram, in cells; wider labels are cut. */
    private static final int MAX_CELLS = 170;
    private static final int LABEL_CAP = 80;
    private static final int ACTIVATION_HALF_WIDTH = 5;

    private static final String STYLE = String.join("\n",
            "text{font-family:'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace;font-size:12px;fill:#1f2328}",
            ".bg{fill:#ffffff}",
            ".party{fill:#f6f8fa;stroke:#8c959f}",
            ".party-name{font-weight:bold;fill:#57606a}",
            ".head{fill:#ffffff;stroke:#57606a}",
            ".lifeline{stroke:#8c959f;stroke-width:1.5}",
            ".unborn{stroke:#d0d7de;stroke-width:1;stroke-dasharray:2,4}",
            ".active{fill:#ddf4ff;stroke:#0969da}",
            ".data{stroke:#0969da;stroke-width:1.5;fill:none}",
            ".connect{stroke:#8250df;stroke-width:1.5;fill:none}",
            ".fin{stroke:#57606a;stroke-width:1.5;stroke-dasharray:6,4;fill:none}",
            ".rst{stroke:#cf222e;stroke-width:1.5;fill:none}",
            ".head-data{fill:#0969da}.head-connect{fill:#8250df}.head-fin{fill:#57606a}",
            ".error{fill:#cf222e}",
            ".result{fill:#1a7f37}",
            ".loop{fill:none;stroke:#bf8700;stroke-width:1.2}",
            ".loop-tab{fill:#fff8c5;stroke:#bf8700}",
            ".mark{stroke:#cf222e;stroke-width:2;stroke-dasharray:8,4}",
            ".mark-text{fill:#cf222e;font-weight:bold}",
            ".gutter{fill:#8c959f;font-size:10px}",
            "@media (prefers-color-scheme: dark){",
            "text{fill:#e6edf3}",
            ".bg{fill:#0d1117}",
            ".party{fill:#161b22;stroke:#6e7681}",
            ".party-name{fill:#8b949e}",
            ".head{fill:#0d1117;stroke:#8b949e}",
            ".lifeline{stroke:#6e7681}",
            ".unborn{stroke:#30363d}",
            ".active{fill:#0c2d6b;stroke:#58a6ff}",
            ".data{stroke:#58a6ff}.connect{stroke:#d2a8ff}.fin{stroke:#8b949e}.rst{stroke:#ff7b72}",
            ".head-data{fill:#58a6ff}.head-connect{fill:#d2a8ff}.head-fin{fill:#8b949e}",
            ".error{fill:#ff7b72}",
            ".result{fill:#3fb950}",
            ".loop{stroke:#d29922}",
            ".loop-tab{fill:#2e2a1a;stroke:#d29922}",
            ".mark{stroke:#ff7b72}.mark-text{fill:#ff7b72}",
            ".gutter{fill:#6e7681}",
            "}");
    /** The style of notes (what the kernel changed), added only to a diagram that has some. */
    private static final String NOTE_STYLE = String.join("\n",
            ".note{fill:#8250df;font-style:italic}",
            "@media (prefers-color-scheme: dark){.note{fill:#d2a8ff}}");

    private final String title;
    private final Function<Source, String> links;

    /**
     * @param title shown as the SVG's title (for screen readers and tooltips)
     * @param links a source's link ({@code ../../transcripts/echo-pair.t#L12}), or null for no
     *              links; rows with no link still show their line number
     */
    public SvgDiagram(String title, Function<Source, String> links) {
        this.title = title;
        this.links = links;
    }

    public String draw(Scene scene) {
        Layout layout = Layout.of(scene, MAX_CELLS, LABEL_CAP, Label::full);
        boolean gutter = scene.rows().stream().anyMatch(row -> row.source() != null && row.source().line() > 0);
        Map<String, int[]> parties = scene.parties();
        boolean partyRow = parties.size() > 1 || !parties.containsKey("sockshell");
        double left = PAD + (gutter ? GUTTER : 0);
        double top = PAD + (partyRow ? HEADER_ROW : 0) + HEADER_ROW + 8;
        int rows = scene.rows().size();
        double width = left + Math.max(layout.width(), 24) * CELL + PAD;
        double height = top + Math.max(rows, 1) * ROW + PAD;
        StringBuilder svg = new StringBuilder(4096 + rows * 200);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ")
                .append(number(width)).append(' ').append(number(height)).append("\" role=\"img\">\n");
        svg.append("<title>").append(Escape.xml(title)).append("</title>\n");
        svg.append("<style>\n").append(STYLE);
        if (scene.rows().stream().anyMatch(row -> row instanceof Scene.Note)) {
            svg.append('\n').append(NOTE_STYLE);
        }
        svg.append("\n</style>\n");
        svg.append("<defs>\n");
        for (String kind : new String[] {"data", "connect", "fin"}) {
            svg.append("<marker id=\"arrow-").append(kind).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                    .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                    .append("<path class=\"head-").append(kind).append("\" d=\"M0,0 L10,5 L0,10 z\"/></marker>\n");
        }
        svg.append("</defs>\n");
        svg.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(number(width)).append("\" height=\"")
                .append(number(height)).append("\"/>\n");
        if (scene.isEmpty()) {
            text(svg, PAD, PAD + 16, "(no socket calls to draw)", null);
            return svg.append("</svg>\n").toString();
        }
        header(svg, scene, layout, left, partyRow);
        lifelines(svg, scene, layout, left, top, rows);
        Source previous = null;
        for (int r = 0; r < rows; r++) {
            Scene.Row row = scene.rows().get(r);
            double y = top + r * ROW + ROW / 2.0;
            if (gutter && row.source() != null && row.source().line() > 0 && !Objects.equals(row.source(), previous)
                    && !(row instanceof Scene.LoopEnd)) {
                gutterNumber(svg, row.source(), y);
            }
            if (row.source() != null) {
                previous = row.source();
            }
            drawRow(svg, scene, layout, left, top, width, row, r, y);
        }
        return svg.append("</svg>\n").toString();
    }

    private void header(StringBuilder svg, Scene scene, Layout layout, double left, boolean partyRow) {
        double namesY = PAD + (partyRow ? HEADER_ROW : 0);
        if (partyRow) {
            for (Map.Entry<String, int[]> party : scene.parties().entrySet()) {
                int first = party.getValue()[0];
                int last = party.getValue()[1];
                double from = x(layout, left, first) - boxHalf(scene.columns().get(first).name()) - 6;
                double to = Math.max(x(layout, left, last) + boxHalf(scene.columns().get(last).name()) + 6,
                        from + party.getKey().length() * CELL + 16);
                svg.append("<rect class=\"party\" x=\"").append(number(from)).append("\" y=\"").append(number(PAD))
                        .append("\" width=\"").append(number(to - from)).append("\" height=\"")
                        .append(number(HEADER_ROW * 2 + 2)).append("\" rx=\"6\"/>\n");
                svg.append("<text class=\"party-name\" x=\"").append(number(from + 8)).append("\" y=\"")
                        .append(number(PAD + 17)).append("\">").append(Escape.xml(party.getKey())).append("</text>\n");
            }
        }
        for (int i = 0; i < scene.columns().size(); i++) {
            String name = scene.columns().get(i).name();
            double cx = x(layout, left, i);
            double half = boxHalf(name);
            svg.append("<rect class=\"head\" x=\"").append(number(cx - half)).append("\" y=\"").append(number(namesY + 2))
                    .append("\" width=\"").append(number(half * 2)).append("\" height=\"").append(HEADER_ROW - 4)
                    .append("\" rx=\"4\"/>\n");
            svg.append("<text x=\"").append(number(cx)).append("\" y=\"").append(number(namesY + 18))
                    .append("\" text-anchor=\"middle\">").append(Escape.xml(name)).append("</text>\n");
        }
    }

    private static double boxHalf(String name) {
        return name.length() * CELL / 2 + 8;
    }

    private void lifelines(StringBuilder svg, Scene scene, Layout layout, double left, double top, int rows) {
        for (int c = 0; c < scene.columns().size(); c++) {
            double cx = x(layout, left, c);
            int first = scene.firstRow(c);
            if (first < 0) {
                continue;
            }
            int close = scene.closeRow(c);
            double from = top + first * ROW;
            double to = top + (close >= 0 ? close + 1 : rows) * ROW;
            line(svg, "unborn", cx, top - 8, cx, from);
            line(svg, "lifeline", cx, from, cx, to);
            for (int[] span : scene.activeSpans(c)) {
                double y0 = top + span[0] * ROW + 3;
                double y1 = top + (span[1] + 1) * ROW - 3;
                svg.append("<rect class=\"active\" x=\"").append(number(cx - ACTIVATION_HALF_WIDTH)).append("\" y=\"")
                        .append(number(y0)).append("\" width=\"").append(ACTIVATION_HALF_WIDTH * 2).append("\" height=\"")
                        .append(number(y1 - y0)).append("\"/>\n");
            }
        }
    }

    private void drawRow(StringBuilder svg, Scene scene, Layout layout, double left, double top, double width,
            Scene.Row row, int index, double y) {
        if (row instanceof Scene.Message message) {
            double x0 = x(layout, left, message.from());
            double x1 = x(layout, left, message.to());
            double direction = Math.signum(x1 - x0);
            double start = x0 + direction * ACTIVATION_HALF_WIDTH;
            double end = x1 - direction * (ACTIVATION_HALF_WIDTH + 1);
            String kind = message.line().name().toLowerCase(Locale.ROOT);
            svg.append("<line class=\"").append(kind).append("\" x1=\"").append(number(start)).append("\" y1=\"")
                    .append(number(y + 5)).append("\" x2=\"").append(number(end)).append("\" y2=\"").append(number(y + 5))
                    .append('"');
            if (message.line() != Scene.Line.RST) {
                svg.append(" marker-end=\"url(#arrow-").append(kind).append(")\"");
            }
            svg.append("/>\n");
            if (message.line() == Scene.Line.RST) {
                line(svg, "rst", end - 5, y, end + 5, y + 10);
                line(svg, "rst", end - 5, y + 10, end + 5, y);
            }
            int room = (int) ((Math.abs(x1 - x0) - 16) / CELL);
            text(svg, (x0 + x1) / 2, y + 1, message.label().fit(room), "middle");
        } else if (row instanceof Scene.Local local) {
            String css = switch (local.kind()) {
                case ERROR -> "error";
                case RESULT -> "result";
                default -> null;
            };
            beside(svg, scene, layout, left, width, local.column(), local.label(), css, index, y);
        } else if (row instanceof Scene.Note note) {
            beside(svg, scene, layout, left, width, note.first(), note.label(), "note", index, y);
        } else if (row instanceof Scene.LoopStart loop) {
            int end = loopEnd(scene, index);
            double y0 = top + index * ROW + 2;
            double y1 = top + (end + 1) * ROW - 2;
            svg.append("<rect class=\"loop\" x=\"").append(number(left - 6)).append("\" y=\"").append(number(y0))
                    .append("\" width=\"").append(number(width - left - PAD + 6)).append("\" height=\"")
                    .append(number(y1 - y0)).append("\" rx=\"4\"/>\n");
            String label = Label.of("loop " + loop.times() + " x: " + loop.summary())
                    .fit((int) ((width - left - PAD - 24) / CELL));
            svg.append("<rect class=\"loop-tab\" x=\"").append(number(left - 6)).append("\" y=\"").append(number(y0))
                    .append("\" width=\"").append(number(label.length() * CELL + 16)).append("\" height=\"")
                    .append(ROW - 4).append("\" rx=\"4\"/>\n");
            text(svg, left + 2, y0 + 15, label, null);
        } else if (row instanceof Scene.Mark mark) {
            line(svg, "mark", left - 6, y, width - PAD, y);
            String shown = Label.of(mark.text()).fit((int) ((width - left - PAD - 24) / CELL));
            svg.append("<rect class=\"bg\" x=\"").append(number(left + 4)).append("\" y=\"").append(number(y - 9))
                    .append("\" width=\"").append(number(shown.length() * CELL + 12)).append("\" height=\"18\"/>\n");
            svg.append("<text class=\"mark-text\" x=\"").append(number(left + 10)).append("\" y=\"").append(number(y + 4))
                    .append("\">").append(Escape.xml(shown)).append("</text>\n");
        }
    }

    /** A label beside column {@code column}'s lifeline, cut where the next lifeline on the row is. */
    private void beside(StringBuilder svg, Scene scene, Layout layout, double left, double width, int column,
            Label label, String css, int index, double y) {
        double cx = x(layout, left, column);
        double until = width - PAD;
        for (int c = column + 1; c < scene.columns().size(); c++) {
            if (scene.state(c, index) != Scene.State.ABSENT) {
                until = x(layout, left, c) - 6;
                break;
            }
        }
        int room = (int) ((until - cx - 12) / CELL);
        svg.append("<text");
        if (css != null) {
            svg.append(" class=\"").append(css).append('"');
        }
        svg.append(" x=\"").append(number(cx + 10)).append("\" y=\"").append(number(y + 4)).append("\">")
                .append(Escape.xml(label.fit(room))).append("</text>\n");
    }

    private static int loopEnd(Scene scene, int start) {
        for (int r = start + 1; r < scene.rows().size(); r++) {
            if (scene.rows().get(r) instanceof Scene.LoopEnd) {
                return r;
            }
        }
        return scene.rows().size() - 1;
    }

    private void gutterNumber(StringBuilder svg, Source source, double y) {
        String link = links == null ? null : links.apply(source);
        String number = Integer.toString(source.line());
        if (link != null) {
            svg.append("<a href=\"").append(Escape.xml(link)).append("\" xlink:href=\"").append(Escape.xml(link))
                    .append("\">");
        }
        svg.append("<text class=\"gutter\" x=\"").append(number(PAD + GUTTER - 12)).append("\" y=\"").append(number(y + 4))
                .append("\" text-anchor=\"end\">").append(number).append("</text>");
        if (link != null) {
            svg.append("</a>");
        }
        svg.append('\n');
    }

    private static void line(StringBuilder svg, String css, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(css).append("\" x1=\"").append(number(x1)).append("\" y1=\"")
                .append(number(y1)).append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
                .append("\"/>\n");
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"');
        if (anchor != null) {
            svg.append(" text-anchor=\"").append(anchor).append('"');
        }
        svg.append('>').append(Escape.xml(text)).append("</text>\n");
    }

    private static double x(Layout layout, double left, int column) {
        return left + layout.x(column) * CELL;
    }

    /** A coordinate with at most one decimal, the same on every run and locale. */
    private static String number(double value) {
        if (value < 0) {
            return "-" + number(-value);
        }
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }
}
