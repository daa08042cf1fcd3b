package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A table laid out to a width: side by side while it fits, stacked in bands when it does not. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TableTest {
    private static Table sockets() {
        return new Table(List.of(List.of("NAME", "TYPE", "STATE"), List.of("LOCAL", "PEER"),
                List.of("MODE", "SENT", "RECEIVED")))
                .row("c", "tcp4", "connected", "127.0.0.1:43210", "127.0.0.1:40000", "blocking", "3B/1", "30000B/2")
                .row("conn", "tcp4", "connected", "127.0.0.1:40000", "127.0.0.1:43210", "blocking", "30000B/1", "3B/1");
    }

    @Test
    void aTableThatFitsIsOneLinePerRow() {
        assertEquals(List.of(
                "NAME  TYPE  STATE      LOCAL            PEER             MODE      SENT      RECEIVED",
                "c     tcp4  connected  127.0.0.1:43210  127.0.0.1:40000  blocking  3B/1      30000B/2",
                "conn  tcp4  connected  127.0.0.1:40000  127.0.0.1:43210  blocking  30000B/1  3B/1"),
                sockets().lines(140));
    }

    @Test
    void aTableTooWideStacksItsLaterGroupsUnderEachRow() {
        assertEquals(List.of(
                "NAME  TYPE  STATE      LOCAL            PEER",
                "      MODE      SENT      RECEIVED",
                "c     tcp4  connected  127.0.0.1:43210  127.0.0.1:40000",
                "      blocking  3B/1      30000B/2",
                "conn  tcp4  connected  127.0.0.1:40000  127.0.0.1:43210",
                "      blocking  30000B/1  3B/1"),
                sockets().lines(80));
        assertEquals(List.of(
                "NAME  TYPE  STATE",
                "      LOCAL            PEER",
                "      MODE      SENT      RECEIVED",
                "c     tcp4  connected",
                "      127.0.0.1:43210  127.0.0.1:40000",
                "      blocking  3B/1      30000B/2",
                "conn  tcp4  connected",
                "      127.0.0.1:40000  127.0.0.1:43210",
                "      blocking  30000B/1  3B/1"),
                sockets().lines(40));
    }

    @Test
    void aGroupWiderThanTheWidthIsSplitBetweenItsColumns() {
        assertEquals(List.of(
                "NAME  TYPE  STATE",
                "      LOCAL",
                "      PEER",
                "      MODE      SENT",
                "      RECEIVED",
                "c     tcp4  connected",
                "      127.0.0.1:43210",
                "      127.0.0.1:40000",
                "      blocking  3B/1",
                "      30000B/2",
                "conn  tcp4  connected",
                "      127.0.0.1:40000",
                "      127.0.0.1:43210",
                "      blocking  30000B/1",
                "      3B/1"),
                sockets().lines(24));
    }

    @Test
    void aLineWiderThanTheWidthHoldsOneCellTooWideForAnyBand() {
        Random random = new Random(13);
        for (int round = 0; round < 2000; round++) {
            int columns = 1 + random.nextInt(8);
            List<List<String>> groups = new ArrayList<>();
            List<String> group = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                if (!group.isEmpty() && random.nextBoolean()) {
                    groups.add(group);
                    group = new ArrayList<>();
                }
                group.add("H" + c);
            }
            groups.add(group);
            Table table = new Table(groups);
            for (int r = 0; r < 3; r++) {
                String[] cells = new String[columns];
                for (int c = 0; c < columns; c++) {
                    cells[c] = "x".repeat(1 + random.nextInt(30));
                }
                table.row(cells);
            }
            int width = 10 + random.nextInt(100);
            for (String line : table.lines(width)) {
                assertTrue(line.length() <= width || !line.strip().contains(" "), () -> "'" + line + "' at " + width);
            }
        }
    }
}
