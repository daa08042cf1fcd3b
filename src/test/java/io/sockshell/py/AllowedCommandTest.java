package io.sockshell.py;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AllowedCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void aRequestOutsideTheListRunsNothing() {
        AllowedCommand.Result result = AllowedCommand.run("rm -rf /", List.of("w", "ps"), LIMIT, 1024);
        assertEquals(List.of(), result.lines());
        assertEquals("refusing to run 'rm -rf /': only w and ps may run here", result.problem());
    }

    @Test
    void psRunsAndItsLinesKeepTheirNewlines() {
        AllowedCommand.Result result = AllowedCommand.run("ps", List.of("w", "ps"), LIMIT, 64 * 1024);
        assertNull(result.problem());
        assertTrue(result.lines().get(0).contains("PID"), result.lines().toString());
        assertTrue(result.lines().stream().allMatch(line -> line.endsWith("\n")), result.lines().toString());
    }

    @Test
    void aMissingProgramGivesAClearLine() {
        AllowedCommand.Result result = AllowedCommand.run("sockshell-no-such-program",
                List.of("sockshell-no-such-program"), LIMIT, 1024);
        assertEquals(List.of(), result.lines());
        assertTrue(result.problem().startsWith("cannot run sockshell-no-such-program: "), result.problem());
    }

    @Test
    void outputIsCappedAtTheLimit() {
        AllowedCommand.Result result = AllowedCommand.run("ps", List.of("ps"), LIMIT, 10);
        assertEquals(10, String.join("", result.lines()).length());
        assertFalse(result.lines().isEmpty());
    }
}
