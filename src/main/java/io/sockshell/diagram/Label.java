package io.sockshell.diagram;

import java.util.function.UnaryOperator;

/**
 * The text of one row: the call's name, its arguments, the rest (what it did or returned), and
 * a preview of its data. When the row has too little room, the preview goes first (the rest
 * already says how many bytes there were), then the arguments; only then is text cut, at a
 * space where there is one, so a number is never shown cut short.
 */
public record Label(String verb, String arguments, String rest, String data) {
    /** A label that is all one text. */
    public static Label of(String text) {
        return new Label(text, "", "", null);
    }

    /** The name, arguments and rest: everything but the preview. */
    public String head() {
        return arguments.isEmpty() ? verb + rest : verb + " " + arguments + rest;
    }

    public String full() {
        return data == null ? head() : head() + " " + data;
    }

    /** The label without its preview. */
    public Label withoutData() {
        return data == null ? this : new Label(verb, arguments, rest, null);
    }

    public Label withData(String preview) {
        return new Label(verb, arguments, rest, preview);
    }

    /** The same label with {@code rest} added after its rest. */
    public Label then(String more) {
        return new Label(verb, arguments, rest + more, data);
    }

    /** The same label with {@code change} applied to each of its texts. */
    public Label map(UnaryOperator<String> change) {
        return new Label(change.apply(verb), change.apply(arguments), change.apply(rest),
                data == null ? null : change.apply(data));
    }

    /** {@link #fit(int, String)} with {@code …} marking a cut. */
    public String fit(int width) {
        return fit(width, "…");
    }

    /**
     * The label in at most {@code width} characters: whole if it fits; else with its preview
     * cut (ending in {@code ellipsis}, never inside an escape such as {@code \x1b}); else without
     * the preview; else without the arguments; else cut at a space, ending in {@code ellipsis}.
     */
    public String fit(int width, String ellipsis) {
        String whole = full();
        if (whole.length() <= width) {
            return whole;
        }
        if (width <= 0) {
            return "";
        }
        String head = head();
        if (data != null) {
            int room = width - head.length() - 1 - ellipsis.length();
            String preview = room >= 4 ? cutPreview(data, room) : "";
            if (preview.length() > 2) {
                return head + " " + preview + ellipsis;
            }
        }
        if (head.length() <= width) {
            return head;
        }
        String brief = verb + rest;
        if (brief.length() <= width) {
            return brief;
        }
        return cut(brief, width, ellipsis);
    }

    private static String cut(String text, int width, String ellipsis) {
        if (width <= ellipsis.length()) {
            return ellipsis.substring(0, width);
        }
        int end = width - ellipsis.length();
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space + 1;
        }
        return text.substring(0, end) + ellipsis;
    }

    /** The first {@code room} characters of a repr, less a trailing escape the cut would split. */
    private static String cutPreview(String repr, int room) {
        int end = Math.min(room, repr.length());
        int escape = repr.lastIndexOf('\\', end - 1);
        if (escape >= 0 && escapeEnd(repr, escape) > end) {
            end = escape;
        }
        return repr.substring(0, end);
    }

    /** Where the escape starting at {@code at} ({@code \n}, {@code \x1b}) ends. */
    private static int escapeEnd(String repr, int at) {
        if (at + 1 >= repr.length()) {
            return repr.length();
        }
        return repr.charAt(at + 1) == 'x' ? at + 4 : at + 2;
    }
}
