package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rule two looks are compared by, on looks as the kernel can show them: a thread on a
 * timer may run between looks if it waits where it waited when the program was quiet, and no
 * reading of a thread that woke in the middle of a look can make that rule refuse for ever.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuietLooksTest {
    private static final String TIMER = "202 0x7f00";
    private static final String EXIT_POLL = "202 0x7f80";

    private static ProcessWatch.Look look(ProcessWatch.ThreadLook... threads) {
        return new ProcessWatch.Look(null, List.of(threads));
    }

    private static ProcessWatch.ThreadLook onTimer(long scheduled, String place) {
        return new ProcessWatch.ThreadLook(10, 11, "timer", 'S', 0, scheduled, true, place);
    }

    @Test
    void aThreadOnTheSameTimerMayHaveRunBetweenLooks() {
        assertNull(look(onTimer(6, TIMER)).changeSince(look(onTimer(5, TIMER)), Map.of()));
    }

    @Test
    void aThreadWokenInAnUntimedWaitIsAChange() {
        ProcessWatch.ThreadLook before = new ProcessWatch.ThreadLook(10, 10, "main", 'S', 0, 5, false, "0 0x0");
        ProcessWatch.ThreadLook after = new ProcessWatch.ThreadLook(10, 10, "main", 'S', 0, 6, false, "0 0x0");
        assertTrue(look(after).changeSince(look(before), Map.of()).startsWith("main [10] was woken"));
    }

    @Test
    void aTimerInANewPlaceIsAChangeUntilThePlaceIsAHome() {
        Map<Integer, Set<String>> homes = look(onTimer(5, TIMER)).homesWith(Map.of());
        String change = look(onTimer(5, EXIT_POLL)).changeSince(look(onTimer(5, EXIT_POLL)), homes);
        assertEquals("timer [10/11] waits on a timer in a new place (" + EXIT_POLL + ")", change);
        Map<Integer, Set<String>> both = look(onTimer(5, EXIT_POLL)).homesWith(homes);
        assertNull(look(onTimer(7, TIMER)).changeSince(look(onTimer(6, TIMER)), both));
        assertNull(look(onTimer(7, EXIT_POLL)).changeSince(look(onTimer(6, EXIT_POLL)), both));
    }

    /** A thread read as sleeping whose syscall then said {@code running} has no place: it must not become a home. */
    @Test
    void aThreadSeenWithoutAPlaceLeavesNoHome() {
        ProcessWatch.ThreadLook unplaced = new ProcessWatch.ThreadLook(10, 11, "timer", 'S', 0, 5, false, "");
        Map<Integer, Set<String>> homes = look(unplaced).homesWith(Map.of());
        assertNull(look(onTimer(7, TIMER)).changeSince(look(onTimer(6, TIMER)), homes));
    }
}
