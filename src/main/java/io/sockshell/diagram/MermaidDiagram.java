package io.sockshell.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scene as a Mermaid {@code sequenceDiagram}, for a README or a wiki: a participant per
 * socket (named {@code p0}, {@code p1}, ... and shown by its name), a box per party, messages
 * as arrows ({@code ->>} data and connects, {@code --)} an orderly close, {@code -x} a reset),
 * a blocked call as an activation, a label beside a lifeline as a note (a remark such as a
 * kernel's change over its socket or its party), folded exchanges as
 * {@code loop} blocks. Every name and label is written with Mermaid's entity codes for the
 * characters it would read as syntax.
 */
public final class MermaidDiagram {
    public String draw(Scene scene) {
        StringBuilder out = new StringBuilder(1024 + scene.rows().size() * 48);
        out.append("sequenceDiagram\n");
        if (scene.isEmpty()) {
            out.append("    Note over nobody: no socket calls to draw\n");
            return out.toString();
        }
        Map<String, int[]> parties = scene.parties();
        boolean boxes = parties.size() > 1 || !parties.containsKey("sockshell");
        for (Map.Entry<String, int[]> party : parties.entrySet()) {
            if (boxes) {
                out.append("    box transparent ").append(Escape.mermaid(party.getKey())).append('\n');
            }
            for (int c = party.getValue()[0]; c <= party.getValue()[1]; c++) {
                out.append(boxes ? "        " : "    ").append("participant ").append(id(c)).append(" as ")
                        .append(Escape.mermaid(scene.columns().get(c).name())).append('\n');
            }
            if (boxes) {
                out.append("    end\n");
            }
        }
        List<int[]> opening = new ArrayList<>();
        List<int[]> closing = new ArrayList<>();
        for (int c = 0; c < scene.columns().size(); c++) {
            for (int[] span : scene.activeSpans(c)) {
                opening.add(new int[] {span[0], c});
                closing.add(new int[] {span[1], c});
            }
        }
        for (int r = 0; r < scene.rows().size(); r++) {
            for (int[] open : opening) {
                if (open[0] == r) {
                    out.append("    activate ").append(id(open[1])).append('\n');
                }
            }
            row(out, scene, scene.rows().get(r));
            for (int[] close : closing) {
                if (close[0] == r) {
                    out.append("    deactivate ").append(id(close[1])).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Scene scene, Scene.Row row) {
        if (row instanceof Scene.Message message) {
            String arrow = switch (message.line()) {
                case FIN -> "--)";
                case RST -> "-x";
                default -> "->>";
            };
            out.append("    ").append(id(message.from())).append(arrow).append(id(message.to())).append(": ")
                    .append(Escape.mermaid(message.label().full())).append('\n');
        } else if (row instanceof Scene.Local local) {
            out.append("    Note right of ").append(id(local.column())).append(": ")
                    .append(Escape.mermaid(local.label().full()))
                    .append('\n');
        } else if (row instanceof Scene.Note note) {
            out.append("    Note over ").append(id(note.first())).append(note.last() > note.first() ? "," + id(note.last()) : "")
                    .append(": ").append(Escape.mermaid(note.label().full())).append('\n');
        } else if (row instanceof Scene.LoopStart loop) {
            out.append("    loop ").append(Escape.mermaid(loop.times() + " x: " + loop.summary())).append('\n');
        } else if (row instanceof Scene.LoopEnd) {
            out.append("    end\n");
        } else if (row instanceof Scene.Mark mark) {
            int last = scene.columns().size() - 1;
            out.append("    Note over ").append(id(0)).append(last > 0 ? "," + id(last) : "").append(": ")
                    .append(Escape.mermaid(mark.text())).append('\n');
        }
    }

    private static String id(int column) {
        return "p" + column;
    }
}
