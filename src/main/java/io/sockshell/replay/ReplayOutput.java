package io.sockshell.replay;

import java.io.PrintWriter;
import java.util.List;

/**
 * The replay's output: each program's snippets, output, values, notes and errors, one line at
 * a time, each line labelled with its program when several run. Port numbers go through
 * {@link PortNames}. Colours only when asked for: a terminal, and no {@code NO_COLOR}.
 */
final class ReplayOutput {
    private static final String[] LABEL_COLORS = {"\u001b[36m", "\u001b[35m", "\u001b[33m", "\u001b[32m", "\u001b[34m"};
    private static final String NOTE = "\u001b[33m";
    private static final String ERROR = "\u001b[1;31m";
    private static final String BOLD = "\u001b[1m";

    private final PrintWriter out;
    private final boolean color;
    private final PortNames ports;
    private final int labelWidth;
    private Channel partialOwner;

    ReplayOutput(PrintWriter out, boolean color, PortNames ports, List<String> labels) {
        this.out = out;
        this.color = color;
        this.ports = ports;
        this.labelWidth = labels.size() < 2 ? 0 : labels.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The printer for one program; {@code index} picks its label colour. */
    Channel channel(String label, int index) {
        return new Channel(labelWidth == 0 ? "" : label, LABEL_COLORS[index % LABEL_COLORS.length]);
    }

    /** A line that belongs to no program, such as the end of a stuck replay. */
    synchronized void line(String text) {
        finishPartial();
        out.println(ports.mask(text));
        out.flush();
    }

    private void finishPartial() {
        if (partialOwner != null) {
            Channel owner = partialOwner;
            partialOwner = null;
            owner.emit(owner.partial.toString(), "");
            owner.partial.setLength(0);
        }
    }

    final class Channel {
        private final String prefix;
        private final String prefixColor;
        private final StringBuilder partial = new StringBuilder();

        private Channel(String label, String labelColor) {
            this.prefix = label.isEmpty() ? "" : String.format("%-" + labelWidth + "s | ", label);
            this.prefixColor = labelColor;
        }

        /**
         * The snippet about to run: its comment, then its code with script line numbers,
         * {@code 12> } on its first line and {@code 13| } on the lines that continue it.
         */
        void snippet(ScriptStep step) {
            synchronized (ReplayOutput.this) {
                finishPartial();
                for (String comment : step.comment()) {
                    emit(comment, JavaHighlighter.DIM);
                }
                List<String> code = step.codeLines();
                List<String> shown = color ? JavaHighlighter.lines(code) : code;
                int width = String.valueOf(step.line() + code.size() - 1).length();
                for (int i = 0; i < code.size(); i++) {
                    String number = String.format("%" + width + "d%s ", step.line() + i, i == 0 ? ">" : "|");
                    emitRaw(color ? JavaHighlighter.DIM + number + JavaHighlighter.RESET + shown.get(i)
                            : number + shown.get(i));
                }
                out.flush();
            }
        }

        /** What the program printed, in pieces; lines are shown once complete. */
        void output(String text) {
            synchronized (ReplayOutput.this) {
                if (partialOwner != null && partialOwner != this) {
                    finishPartial();
                }
                int start = 0;
                int newline;
                while ((newline = text.indexOf('\n', start)) >= 0) {
                    partial.append(text, start, newline);
                    emit(partial.toString(), "");
                    partial.setLength(0);
                    start = newline + 1;
                }
                partial.append(text, start, text.length());
                partialOwner = partial.length() > 0 ? this : null;
                out.flush();
            }
        }

        void note(String text) {
            print("-- " + text, NOTE);
        }

        /** A snippet's value, as jshell shows it: {@code name ==> value}. */
        void value(String name, String value) {
            synchronized (ReplayOutput.this) {
                finishPartial();
                emitRaw(color ? BOLD + name + JavaHighlighter.RESET + " ==> " + value : name + " ==> " + value);
                out.flush();
            }
        }

        void info(String text) {
            print(text, "");
        }

        void error(String text) {
            print(text, ERROR);
        }

        private void print(String text, String style) {
            synchronized (ReplayOutput.this) {
                finishPartial();
                for (String line : text.split("\n", -1)) {
                    emit(line, style);
                }
                out.flush();
            }
        }

        private void emit(String text, String style) {
            emitRaw(color && !style.isEmpty() ? style + text + JavaHighlighter.RESET : text);
        }

        private void emitRaw(String text) {
            String label = prefix.isEmpty() ? "" : color ? prefixColor + prefix + JavaHighlighter.RESET : prefix;
            out.println(label + ports.mask(text));
        }
    }
}
