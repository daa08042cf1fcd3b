package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A program's arguments are read as a POSIX shell reads words, so code passed with -c keeps its escapes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProgramArgumentsTest {
    @Test
    void quotesAreRemovedAndBackslashesInThemKept() {
        assertEquals("print('a\\nb')", ProgramCommand.shellWord("\"print('a\\nb')\""));
        assertEquals("a b", ProgramCommand.shellWord("'a b'"));
        assertEquals("say \"hi\"", ProgramCommand.shellWord("\"say \\\"hi\\\"\""));
        assertEquals("a\\b", ProgramCommand.shellWord("\"a\\\\b\""));
        assertEquals("a b", ProgramCommand.shellWord("a\\ b"));
        assertEquals("abc", ProgramCommand.shellWord("a\"b\"c"));
        assertEquals("", ProgramCommand.shellWord("\"\""));
        assertEquals("x.py", ProgramCommand.shellWord("x.py"));
    }
}
