package io.sockshell.repl;

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
        int prompts = TextSink.occurrences(terminal.screen(), PROMPT);
        terminal.enter(line);
        return terminal.awaitCount(PROMPT, prompts + 1, BOUND);
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
        terminal.press("C-l");
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
        terminal.press("C-l");
        screen = enter("sockets");
        assertTrue(screen.contains("PEER             MODE      SENT  RECEIVED"), "one line a socket at 140:\n" + screen);
    }
}
