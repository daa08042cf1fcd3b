package io.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.JavaProcess;
import io.sockshell.support.TextSink;
import io.sockshell.support.Tmux;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shell as a person meets it: the real program in a real terminal (tmux), typed into,
 * pasted into, interrupted and resized, its screen read back as shown.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealTerminalTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** The prompt as the screen shows it: a capture drops the blank at the end of a row. */
    private static final String PROMPT = "sockshell>";

    private Tmux terminal;

    private void start(int columns, int rows) throws Exception {
        terminal = Tmux.start(columns, rows, JavaProcess.sockshellCommand(List.of(), "--no-history"));
        terminal.awaitCount(PROMPT, 1, BOUND);
    }

    @AfterEach
    void closeTerminal() throws Exception {
        if (terminal != null) {
            terminal.close();
        }
    }

    /** Types a line and waits for the prompt after it; returns the screen then. */
    private String enter(String line) {
        int prompts = TextSink.occurrences(terminal.screenJoined(), PROMPT);
        terminal.enter(line);
        terminal.await(unused -> TextSink.occurrences(terminal.screenJoined(), PROMPT) > prompts, BOUND,
                "the prompt after " + line);
        return terminal.screen();
    }

    @Test
    void aUsageErrorShowsItsSynopsisAsPlainText() throws Exception {
        start(120, 20);
        String screen = enter("recv c");
        assertTrue(screen.contains("recv: missing required parameter: 'BUFSIZE' (usage: recv [--until-eof]"), screen);
        screen = enter("exit now");
        assertTrue(screen.contains("exit: too many arguments or unknown option: now (usage: exit)"), screen);
        assertFalse(screen.contains("\\x1b"), screen);
        assertFalse(terminal.screenWithStyles().contains("\u001b[33m--until-eof"), "the synopsis is not coloured");
        terminal.enter("exit");
        terminal.await(unused -> terminal.ended(), BOUND, "the shell's end");
    }

    /** The screen with rows the terminal wrapped joined again: a joined row wider than the terminal was wrapped. */
    private List<String> wrappedRows(int columns) {
        return terminal.screenJoined().lines().filter(row -> row.length() > columns).toList();
    }

    @Test
    void helpAndSocketsFitEightyColumnsAndUseAWiderTerminal() throws Exception {
        start(80, 60);
        enter("help");
        enter("help select");
        assertEquals(List.of(), wrappedRows(80));
        enter("socket s");
        enter("bind s 127.0.0.1 0");
        enter("listen s");
        enter("socket c");
        enter("connect c 127.0.0.1 s.port");
        enter("accept s conn");
        String screen = enter("sockets");
        assertEquals(List.of(), wrappedRows(80));
        assertTrue(screen.contains("      MODE      SENT  RECEIVED"), screen);
        terminal.resize(140, 60);
        screen = enter("sockets");
        assertTrue(screen.contains("PEER             MODE      SENT  RECEIVED"), "one line a socket at 140:\n" + screen);
    }

    private void openEchoPair() {
        terminal.paste("socket s\nbind s \"\" 0\nlisten s 1\nsocket c\nconnect c localhost s.port\naccept s conn\n");
        terminal.await(screen -> screen.contains("sockshell> accept s conn\n('127.0.0.1', "), BOUND, "the pair connected");
    }

    @Test
    void aPasteOfSeveralLinesRunsAsThatManyCommandsInOrderAsIfTyped() throws Exception {
        start(80, 30);
        openEchoPair();
        terminal.paste("send c \"hello\"\nrecv conn 100\nsend conn \"back\"\nrecv c");
        String screen = terminal.await(text -> text.contains("4\nsockshell> recv c"), BOUND, "the replies");
        assertTrue(screen.contains(String.join("\n",
                "sockshell> send c \"hello\"", "5",
                "sockshell> recv conn 100", "b'hello'",
                "sockshell> send conn \"back\"", "4",
                "sockshell> recv c")), screen);
        terminal.type(" 100");
        terminal.press("Enter");
        screen = terminal.await(text -> text.contains("b'back'"), BOUND, "the text after the last line break, left to edit");
        assertTrue(screen.contains("sockshell> recv c 100\nb'back'"), screen);
    }

    @Test
    void aCallThatWaitsSaysSoOnceAndLinesTypedMeanwhileStayInTheEditorAfterCtrlC() throws Exception {
        start(80, 30);
        openEchoPair();
        terminal.enter("recv c 10");
        String screen = terminal.await(text -> text.contains("(waiting: Ctrl-C cancels it; recv c 10 & would run it in the"
                + " background)"), BOUND, "the hint");
        terminal.enter("send conn \"typed ahead\"");
        terminal.type("recv c 10");
        terminal.await(text -> text.contains("\nrecv c 10"), BOUND, "the echo");
        terminal.press("C-c");
        screen = terminal.await(text -> text.contains("KeyboardInterrupt\nsockshell> send conn \"typed ahead\"\n> recv c 10"),
                BOUND, "the typed lines in the editor, not run");
        assertEquals(1, TextSink.occurrences(screen, "(waiting:"), screen);
        terminal.type("0");
        terminal.press("Enter");
        screen = terminal.await(text -> text.contains("b'typed ahead'"), BOUND, "both lines run");
        assertTrue(screen.contains("sockshell> send conn \"typed ahead\"\n11\nsockshell> recv c 100\nb'typed ahead'"), screen);
    }

    @Test
    void resizingRedrawsTheLinesBeingEditedOnceWithoutTouchingWhatIsAbove() throws Exception {
        start(120, 30);
        openEchoPair();
        terminal.enter("recv c 10");
        terminal.await(text -> text.contains("(waiting:"), BOUND, "the hint");
        String first = "send conn \"typed ahead, a line long enough to wrap at forty or fifty columns\"";
        terminal.enter(first);
        terminal.type("abc");
        terminal.await(text -> text.contains("\nabc"), BOUND, "the echo");
        terminal.press("C-c");
        terminal.await(text -> text.contains("sockshell> " + first + "\n> abc"), BOUND, "the lines in the editor");
        String typed = "abc";
        for (int width : List.of(50, 140, 70, 40, 120)) {
            terminal.resize(width, 30);
            // A key typed after the resize shows once the shell has redrawn for it. The key may
            // reach the shell before the resize does (they come on different threads), and its
            // redraw for the old width is then redrawn for the new one: what must hold is the
            // screen the user is left with.
            typed += "d";
            terminal.type("d");
            String line = "> " + typed;
            String expected = "abc^CKeyboardInterrupt\nsockshell> " + first + "\n" + line;
            terminal.await(text -> {
                String joined = terminal.screenJoined();
                return joined.contains(expected) && TextSink.occurrences(joined, "sockshell> " + first) == 1;
            }, BOUND, "at " + width + " columns, the lines being edited drawn once, below what was above");
        }
    }
}
