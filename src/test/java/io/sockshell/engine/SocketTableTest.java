package io.sockshell.engine;

import static io.sockshell.engine.Loopback.assertRaises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Names for the sockets and files of a session. */
@Timeout(10)
class SocketTableTest {
    private final Loopback net = new Loopback();
    private final SocketTable table = new SocketTable(net.backend);

    @AfterEach
    void closeEverything() throws Exception {
        try {
            table.closeAll();
        } finally {
            net.close();
        }
    }

    /**
     * A holding's close may wait for a thread of its own that looks at the table meanwhile (a
     * link's pump looks for the shell's socket it writes to): closing them all must not hold the
     * table while it waits, or that thread waits for the close and the close for it.
     */
    @Test
    void aHoldingClosedAtTheEndMayWaitForAThreadThatLooksAtTheTable() throws Exception {
        table.open("s", Family.AF_INET, Kind.SOCK_STREAM);
        List<Boolean> sawTheSocket = new java.util.concurrent.CopyOnWriteArrayList<>();
        table.hold("looker", new Holding() {
            private boolean open = true;

            @Override
            public String kind() {
                return "looker";
            }

            @Override
            public List<String> columns() {
                return List.of("LOOKER");
            }

            @Override
            public List<List<String>> rows(String name) {
                return List.of(List.of(name));
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public String leftover() {
                return "still looking";
            }

            @Override
            public List<String> close() {
                open = false;
                Thread looker = new Thread(() -> sawTheSocket.add(table.sockets().containsKey("s")));
                looker.start();
                try {
                    looker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        });
        table.closeAll();
        assertEquals(List.of(true), sawTheSocket, "the holding's thread ran while the table closed, sockets still there");
        assertTrue(table.socket("s").isClosed());
    }

    @Test
    void socketsWithoutANameAreNamedS1S2InTurnAndLabelledSo() throws Exception {
        assertEquals("s1", table.open(null, Family.AF_INET, Kind.SOCK_STREAM));
        assertEquals("s2", table.open(null, Family.AF_INET, Kind.SOCK_DGRAM));
        assertEquals("s1", table.socket("s1").label());
        assertEquals(Kind.SOCK_DGRAM, table.socket("s2").kind());
        assertSame(net.backend, table.backend());
    }

    @Test
    void aSocketOpenedUnderANameIsFoundByIt() throws Exception {
        assertEquals("server", table.open("server", Family.AF_INET6, Kind.SOCK_STREAM));
        assertEquals(Family.AF_INET6, table.socket("server").family());
        assertEquals("server", table.socket("server").label());
        assertEquals(Optional.of(table.socket("server")), table.find("server"));
        assertEquals(Optional.empty(), table.find("client"));
    }

    @Test
    void automaticNamesSkipNamesTheUserAlreadyTook() throws Exception {
        table.open("s1", Family.AF_INET, Kind.SOCK_STREAM);
        assertEquals("s2", table.open(null, Family.AF_INET, Kind.SOCK_STREAM));
    }

    @Test
    void aNameHeldByAnOpenSocketCannotBeTakenUntilItIsClosed() throws Exception {
        table.open("s", Family.AF_INET, Kind.SOCK_STREAM);
        assertRaises("NameError: name 's' is already an open socket; close it first or pick another name",
                () -> table.open("s", Family.AF_INET, Kind.SOCK_STREAM));
        assertRaises("NameError: name 's' is already an open socket; close it first or pick another name",
                () -> table.checkFree("s"));
        table.socket("s").close();
        table.checkFree("s");
        table.checkFree(null);
        Sock old = table.socket("s");
        table.open("s", Family.AF_INET, Kind.SOCK_DGRAM);
        assertFalse(old == table.socket("s"));
        assertEquals(Kind.SOCK_DGRAM, table.socket("s").kind());
    }

    @Test
    void namesMustLookLikePythonIdentifiers() throws Exception {
        assertRaises("SyntaxError: invalid name '1s' (use letters, digits and _, starting with a letter or _)",
                () -> table.open("1s", Family.AF_INET, Kind.SOCK_STREAM));
        assertTrue(SocketTable.validName("_conn2"));
        assertFalse(SocketTable.validName(""));
        assertFalse(SocketTable.validName("a-b"));
        assertFalse(SocketTable.validName("café"));
    }

    @Test
    void acceptedSocketsAreAddedUnderTheirPrefixAsConn1Conn2() throws Exception {
        Loopback.Pair pair = net.pair();
        assertEquals("conn1", table.add(null, pair.server(), "conn"));
        Loopback.Pair other = net.pair();
        assertEquals("conn2", table.add(null, other.server(), "conn"));
        assertEquals("conn2", other.server().label());
        assertEquals("mine", table.add("mine", pair.client(), "conn"));
    }

    @Test
    void filesAreNamedF1AndAskingForTheWrongKindSaysWhatTheNameIs() throws Exception {
        table.open("s", Family.AF_INET, Kind.SOCK_STREAM);
        LineFile file = table.socket("s").makefile("r");
        assertEquals("f1", table.addFile(null, file));
        assertSame(file, table.file("f1"));
        assertRaises("TypeError: 'f1' is a file, not a socket", () -> table.socket("f1"));
        assertRaises("TypeError: 's' is a socket, not a file (makefile makes one)", () -> table.file("s"));
        assertRaises("NameError: name 'nothing' is not defined", () -> table.socket("nothing"));
        assertRaises("NameError: name 'nothing' is not defined", () -> table.file("nothing"));
    }

    @Test
    void openNamesListsOpenSocketsThenOpenFilesInCreationOrder() throws Exception {
        table.open("a", Family.AF_INET, Kind.SOCK_STREAM);
        table.open("b", Family.AF_INET, Kind.SOCK_STREAM);
        table.addFile("fa", table.socket("a").makefile("r"));
        table.open("c", Family.AF_INET, Kind.SOCK_STREAM);
        table.socket("b").close();
        assertEquals(List.of("a", "c", "fa"), table.openNames());
        assertEquals(List.of("a", "b", "c"), List.copyOf(table.sockets().keySet()));
        assertEquals(List.of("fa"), List.copyOf(table.files().keySet()));
        table.sockets().clear();
        assertEquals(3, table.sockets().size(), "the maps handed out are copies");
    }

    @Test
    void closeAllClosesEverySocketEvenWhenAFileCannotFlush() throws Exception {
        table.open("unconnected", Family.AF_INET, Kind.SOCK_STREAM);
        LineFile pending = table.socket("unconnected").makefile("w");
        pending.write(PyBytes.ascii("never sent"));
        table.addFile(null, pending);
        table.open("other", Family.AF_INET, Kind.SOCK_DGRAM);
        table.closeAll();
        assertTrue(pending.isClosed());
        assertTrue(table.socket("unconnected").isClosed());
        assertTrue(table.socket("other").isClosed());
        assertEquals(List.of(), table.openNames());
    }
}
