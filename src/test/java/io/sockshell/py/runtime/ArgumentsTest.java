package io.sockshell.py.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ArgumentsTest {
    @Test
    void wordsSplitAtSpacesAndQuotesKeepThemTogether() {
        assertEquals(List.of("127.0.0.1", "2000", "hello world", ""), Arguments.split(" 127.0.0.1  2000 'hello world' \"\""));
    }

    @Test
    void keyboardLinesSplitAtRealAndWrittenNewlines() {
        assertEquals(List.of("a", "b", ""), Arguments.lines("a\nb\n\n"));
        assertEquals(List.of("a", "b", ""), Arguments.lines("a\\nb\\n\\n"));
        assertEquals(List.of(""), Arguments.lines(""));
    }
}
