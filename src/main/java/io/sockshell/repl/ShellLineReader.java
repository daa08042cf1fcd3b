package io.sockshell.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * JLine's line reader, made to read several lines at once as a shell does:
 * <ul>
 *   <li>A paste of several lines (bracketed paste, as every modern terminal sends it) runs as
 *       that many commands, in order, as if typed: the first is accepted at once, the others
 *       wait in {@link #takeQueued()}, and text after the last line break stays in the editor
 *       ({@link #takeDraft()}). JLine would put every line in the editor as one command.</li>
 *   <li>Accepting an editor that holds several lines (lines kept from type-ahead) runs each.</li>
 *   <li>On a resize it redraws the line being edited from its first row. JLine 3.30 clears
 *       from the cursor's row only and then redraws from where its display last put the
 *       cursor, counted in the old width: when the input took several rows (several lines, or
 *       one line the terminal wrapped), rows above stayed and the redraw repeated them or wrote
 *       over earlier output. Terminals that reflow (tmux, VTE, kitty, iTerm2) keep the cursor
 *       in the text, so its row counted in the new width says how far up the input starts.</li>
 * </ul>
 */
final class ShellLineReader extends LineReaderImpl {
    private final List<String> queued = new ArrayList<>();
    private String draft;

    ShellLineReader(Terminal terminal, Map<String, Object> variables) {
        super(terminal, "sockshell", variables);
        setHistory(new DefaultHistory());
        setParser(new DefaultParser());
    }

    /** Lines accepted together with the one {@code readLine} returned, to run after it, in order. */
    List<String> takeQueued() {
        List<String> lines = new ArrayList<>(queued);
        queued.clear();
        return lines;
    }

    /** Text a paste left after its last line break, for the editor once the queued lines have run; or null. */
    String takeDraft() {
        String text = draft;
        draft = null;
        return text;
    }

    @Override
    public boolean beginPaste() {
        super.beginPaste();
        String text = buf.toString();
        int lastBreak = text.lastIndexOf('\n');
        if (lastBreak < 0) {
            return true;
        }
        String rest = text.substring(lastBreak + 1);
        draft = rest.isEmpty() ? null : rest;
        buf.clear();
        buf.write(text.substring(0, lastBreak));
        return acceptLine();
    }

    @Override
    protected boolean acceptLine() {
        String text = buf.toString();
        int firstBreak = text.indexOf('\n');
        if (firstBreak >= 0) {
            for (String line : text.substring(firstBreak + 1).split("\n", -1)) {
                queued.add(line);
            }
            buf.clear();
            buf.write(text.substring(0, firstBreak));
        }
        return super.acceptLine();
    }

    @Override
    protected synchronized void handleSignal(Terminal.Signal signal) {
        if (signal != Terminal.Signal.WINCH || Terminal.TYPE_DUMB.equals(terminal.getType())) {
            super.handleSignal(signal);
            return;
        }
        size.copy(terminal.getBufferSize());
        int rowsAbove = cursorRow(size.getColumns());
        if (rowsAbove > 0 && !terminal.puts(Capability.parm_up_cursor, rowsAbove)) {
            for (int row = 0; row < rowsAbove; row++) {
                terminal.puts(Capability.cursor_up);
            }
        }
        terminal.puts(Capability.carriage_return);
        terminal.puts(Capability.clr_eos);
        // A new display: the old one's idea of where the cursor is belongs to the old width, and
        // its redraw would first move there (JLine 3.30 keeps it across reset and resize).
        boolean delayLineWrap = display.delayLineWrap();
        display = new Display(terminal, false);
        display.resize(size.getRows(), size.getColumns());
        display.setDelayLineWrap(delayLineWrap);
        redisplay();
    }

    /** The row the cursor is on, counted from the prompt's row, with the input laid out {@code columns} wide. */
    private int cursorRow(int columns) {
        if (columns <= 0) {
            return 0;
        }
        List<AttributedString> secondaryPrompts = new ArrayList<>();
        getDisplayedBufferWithPrompts(secondaryPrompts);
        AttributedStringBuilder upToCursor = new AttributedStringBuilder().tabs(getTabWidth());
        upToCursor.append(prompt);
        String[] lines = buf.upToCursor().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                upToCursor.append("\n");
                if (i - 1 < secondaryPrompts.size()) {
                    upToCursor.append(secondaryPrompts.get(i - 1));
                }
            }
            upToCursor.append(lines[i]);
        }
        return upToCursor.toAttributedString().columnSplitLength(columns, false, display.delayLineWrap()).size() - 1;
    }
}
