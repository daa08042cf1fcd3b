package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.kernel.Endpoints;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the watch reads from the kernel's text: addresses in /proc/net, system calls, stat lines. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KernelTablesTest {
    @Test
    void addressesAreReadAsTheHostStoresThem() throws Exception {
        assertEquals("('127.0.0.1', 8080)", Endpoints.address("0100007F:1F90").pythonRepr());
        assertEquals("('0.0.0.0', 43125)", Endpoints.address("00000000:A875").pythonRepr());
        assertEquals("('::1', 2000, 0, 0)", Endpoints.address("00000000000000000000000001000000:07D0").pythonRepr());
        assertEquals("('::', 22, 0, 0)", Endpoints.address("00000000000000000000000000000000:0016").pythonRepr());
        assertEquals("('::ffff:127.0.0.1', 80, 0, 0)",
                Endpoints.address("0000000000000000FFFF00000100007F:0050").pythonRepr());
    }

    @Test
    void waitsWithATimeoutAreTimed() {
        // The JVM's periodic thread: FUTEX_WAIT_BITSET|PRIVATE with a timeout.
        assertTrue(TimedWaits.timed("202 0x7f1 0x89 0x0 0x7fae21b0bd00 0x0 0xffffffff 0x7fae 0x7fae"));
        assertTrue(TimedWaits.timed("230 0x0 0x0 0x7ffe25ce9960 0x7ffe25ce99a0 0x0 0x0 0x7ffe 0x7f57"));
        assertTrue(TimedWaits.timed("7 0x7ffd 0x1 0x3e8 0x0 0x0 0x0 0x7ffd 0x7f51"));
        assertTrue(TimedWaits.timed("232 0x4 0x7ffd 0x10 0x1f4 0x0 0x0 0x7ffd 0x7f51"));
    }

    @Test
    void waitsForInputAreNot() {
        assertFalse(TimedWaits.timed("0 0x0 0x7f9 0x4000 0x0 0x0 0x0 0x7ffd 0x7f51"));
        assertFalse(TimedWaits.timed("202 0x7fad 0x189 0x0 0x0 0x0 0xffffffff 0x7fae 0x7fae"));
        assertFalse(TimedWaits.timed("7 0x7ffd 0x1 0xffffffffffffffff 0x0 0x0 0x0 0x7ffd 0x7f51"));
        assertFalse(TimedWaits.timed("7 0x7ffd 0x1 0x0 0x0 0x0 0x0 0x7ffd 0x7f51"));
        assertFalse(TimedWaits.timed("43 0x3 0x0 0x0 0x0 0x0 0x0 0x7ffd 0x7f51"));
        assertFalse(TimedWaits.timed("running"));
        assertFalse(TimedWaits.timed("-1 0x7ffd 0x7f51"));
    }

    @Test
    void aConditionVariableIsOnePlaceWhicheverOfItsTwoWordsIsWaitedOn() {
        TimedWaits.Wait one = TimedWaits.of("202 0x7fa24c016398 0x89 0x0 0x7fae21b0bd00 0x0 0xffffffff 0x7fae 0x7fae");
        TimedWaits.Wait other = TimedWaits.of("202 0x7fa24c01639c 0x89 0x0 0x7fae21b0bd00 0x0 0xffffffff 0x7fae 0x7fae");
        assertEquals(one.location(), other.location());
        assertTrue(one.timed() && other.timed());
        assertEquals(null, TimedWaits.of("running"));
    }

    @Test
    void statLinesAreCountedFromTheLastParenthesis() {
        Stat stat = Stat.parse("4242 (a (b) c) S 1 4242 4242 0 -1 4194304 198 0 0 0 7 3 0 0 20 0 1 0 297662 2654208 387");
        assertEquals("a (b) c", stat.name());
        assertEquals('S', stat.state());
        assertEquals(1, stat.parent());
        assertEquals(4242, stat.group());
        assertEquals(4242, stat.session());
        assertEquals(10, stat.cpuTicks());
        assertTrue(stat.waiting());
        assertEquals(null, Stat.parse("4242 (gone"));
    }
}
