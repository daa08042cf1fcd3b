package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.ShellDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every command's happy path, and what it prints, as CPython's REPL would. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SessionCommandsTest {
    private final ShellDriver shell = new ShellDriver();

    @AfterEach
    void closeSession() {
        shell.close();
    }

    private static void assertMatches(String regex, String actual) {
        assertTrue(actual.matches(regex), () -> "expected /" + regex + "/ but got <" + actual + ">");
    }

    @Test
    void socketWithANamePrintsNothingAndWithoutOnePrintsTheNameItChose() {
        assertEquals("", shell.ok("socket s"));
        assertEquals("s1", shell.value("socket"));
        assertEquals("s2", shell.value("socket AF_INET6 SOCK_DGRAM"));
        assertEquals("", shell.ok("socket u udp"));
    }

    @Test
    void bindToPortZeroLetsTheSystemChooseAndGetsocknameShowsIt() {
        shell.ok("socket s");
        assertEquals("", shell.ok("bind s \"\" 0"));
        String address = shell.value("getsockname s");
        assertMatches("\\('0\\.0\\.0\\.0', \\d+\\)", address);
        assertEquals("('0.0.0.0', " + shell.port("s") + ")", address);
    }

    @Test
    void serverAndClientShakeHandsOnLoopback() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        assertEquals("", shell.ok("listen s 1"));
        shell.ok("socket c");
        assertEquals("", shell.ok("connect c localhost s.port"));
        String client = shell.value("accept s conn");
        assertMatches("\\('127\\.0\\.0\\.1', \\d+\\)", client);
        assertEquals(client, shell.value("getsockname c"));
        assertEquals(client, shell.value("getpeername conn"));
        assertEquals("('127.0.0.1', " + shell.port("s") + ")", shell.value("getpeername c"));
    }

    @Test
    void acceptWithoutANameNamesTheConnection() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s");
        shell.ok("socket c");
        shell.ok("connect c 127.0.0.1 " + shell.port("s"));
        assertMatches("conn1 \\('127\\.0\\.0\\.1', \\d+\\)", shell.value("accept s"));
        assertEquals(List.of("s", "c", "conn1"), List.copyOf(shell.session().table().sockets().keySet()));
    }

    @Test
    void sendPrintsTheCountAndRecvPrintsTheBytes() {
        shell.openConnectedPair();
        assertEquals("3", shell.value("send c \"abc\""));
        assertEquals("b'abc'", shell.value("recv conn 1024"));
        assertEquals("", shell.ok("sendall conn b'\\x00\\r\\n'"));
        assertEquals("b'\\x00\\r\\n'", shell.value("recv c 1024"));
    }

    @Test
    void recvUntilEofCountsTheBytesUntilThePeerClosesAndTheNextRecvIsPlainAgain() {
        shell.openConnectedPair();
        shell.ok("sendall c \"abc\"*10000");
        shell.ok("close c");
        assertMatches("30000 bytes in \\d+ calls", shell.value("recv --until-eof conn 4096"));
        assertEquals("b''", shell.value("recv conn 10"));
    }

    @Test
    void sendallRepeatSendsTheDataThatManyTimesAndOnlyOnThatLine() {
        shell.openConnectedPair();
        assertEquals("", shell.ok("sendall --repeat 3 c \"ab\""));
        assertEquals("", shell.ok("sendall c \"!\""));
        shell.ok("close c");
        assertEquals("b'ababab!'", shell.value("recv conn 1024"));
    }

    @Test
    void connectExPrintsZeroOnSuccessAndTheErrnoOnRefusal() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("socket c");
        assertEquals("111", shell.value("connect_ex c 127.0.0.1 s.port"));
        shell.ok("listen s");
        shell.ok("socket d");
        assertEquals("0", shell.value("connect_ex d 127.0.0.1 s.port"));
    }

    @Test
    void timeoutsReadAsPythonPrintsThem() {
        shell.ok("socket c");
        assertEquals("None", shell.value("gettimeout c"));
        assertEquals("", shell.ok("settimeout c 2.5"));
        assertEquals("2.5", shell.value("gettimeout c"));
        shell.ok("settimeout c 3");
        assertEquals("3.0", shell.value("gettimeout c"));
        assertEquals("", shell.ok("setblocking c 0"));
        assertEquals("0.0", shell.value("gettimeout c"));
        shell.ok("setblocking c True");
        assertEquals("None", shell.value("gettimeout c"));
        shell.ok("setblocking c False");
        assertEquals("0.0", shell.value("gettimeout c"));
        shell.ok("setblocking c 2");
        assertEquals("None", shell.value("gettimeout c"), "Python takes any integer: not 0 is blocking");
        shell.ok("setblocking c 0");
        shell.ok("setblocking c -1");
        assertEquals("None", shell.value("gettimeout c"));
        shell.ok("settimeout c None");
        assertEquals("None", shell.value("gettimeout c"));
    }

    @Test
    void shutdownWrGivesThePeerEndOfStreamWhileTheOtherWayStillWorks() {
        shell.openConnectedPair();
        assertEquals("", shell.ok("shutdown c wr"));
        assertEquals("b''", shell.value("recv conn 10"));
        assertEquals("5", shell.value("send conn \"reply\""));
        assertEquals("b'reply'", shell.value("recv c 10"));
    }

    @Test
    void closeEndsTheConnectionForThePeer() {
        shell.openConnectedPair();
        assertEquals("", shell.ok("close c"));
        assertEquals("b''", shell.value("recv conn 10"));
        assertEquals(List.of("socket s still open", "socket conn still open"), shell.session().leftovers());
        shell.ok("close conn s");
        assertEquals(List.of(), shell.session().leftovers());
    }

    @Test
    void selectAndPollListTheReadySockets() {
        shell.openConnectedPair();
        assertEquals("([], [], [])", shell.value("select -r conn -t 0"));
        assertEquals("[]", shell.value("poll -r conn -t 0"));
        shell.value("send c \"x\"");
        assertEquals("([conn], [], [])", shell.value("select -r conn,c -t 5"));
        assertEquals("([conn], [c], [])", shell.value("select -r conn,c -w c -t 5"));
        assertEquals("[(conn, POLLIN)]", shell.value("poll -r conn -t 5000"));
        assertEquals("[(c, POLLOUT)]", shell.value("poll -w c -t 5000"));
    }

    @Test
    void aListeningSocketIsReadableWhenAClientWaits() {
        shell.ok("socket s");
        shell.ok("bind s 127.0.0.1 0");
        shell.ok("listen s");
        assertEquals("([], [], [])", shell.value("select -r s -t 0"));
        shell.ok("socket c");
        shell.ok("connect c 127.0.0.1 s.port");
        assertEquals("([s], [], [])", shell.value("select -r s -t 5"));
    }

    @Test
    void datagramsCarryTheirSender() {
        shell.ok("socket u udp");
        shell.ok("bind u 127.0.0.1 0");
        shell.ok("socket v udp");
        shell.ok("bind v 127.0.0.1 0");
        assertEquals("2", shell.value("sendto v \"hi\" 127.0.0.1 u.port"));
        assertEquals("(b'hi', ('127.0.0.1', " + shell.port("v") + "))", shell.value("recvfrom u 100"));
    }

    @Test
    void ipv6LoopbackWorksToo() {
        shell.ok("socket s AF_INET6");
        shell.ok("bind s ::1 0");
        shell.ok("listen s");
        shell.ok("socket c AF_INET6");
        shell.ok("connect c ::1 s.port");
        assertMatches("\\('::1', \\d+, 0, 0\\)", shell.value("accept s conn"));
        assertEquals("2", shell.value("send c hi"));
        assertEquals("b'hi'", shell.value("recv conn 10"));
    }

    @Test
    void socketOptionsAreSetAndRead() {
        shell.ok("socket s");
        assertEquals("0", shell.value("getsockopt s SO_REUSEADDR"));
        assertEquals("", shell.ok("setsockopt s SOL_SOCKET SO_REUSEADDR 1"));
        assertEquals("1", shell.value("getsockopt s SOL_SOCKET SO_REUSEADDR"));
    }

    @Test
    void socketsTableShowsStateAddressesModeAndCounts() {
        shell.openConnectedPair();
        shell.value("send c \"abc\"");
        shell.value("recv conn 10");
        shell.ok("setblocking conn 0");
        int server = shell.port("s");
        int client = shell.port("c");
        List<String> narrow = shell.ok("sockets").lines().toList();
        assertEquals(8, narrow.size(), () -> "at 80 columns the counters go under each row:\n" + String.join("\n", narrow));
        assertMatches("      MODE +SENT +RECEIVED +KSTATE +RECV-Q +SEND-Q", narrow.get(1));
        assertMatches("      nonblocking +0B/0 +3B/1 +ESTABLISHED +0 +0", narrow.get(7));
        shell.session().width(180);
        List<String> table = shell.ok("sockets").lines().toList();
        assertEquals(4, table.size(), () -> String.join("\n", table));
        assertMatches("NAME +TYPE +STATE +LOCAL +PEER +MODE +SENT +RECEIVED +KSTATE +RECV-Q +SEND-Q", table.get(0));
        assertMatches("s +tcp4 +listening +127\\.0\\.0\\.1:" + server + " +- +blocking +0B/0 +0B/0 +LISTEN +0 +1",
                table.get(1));
        assertMatches("c +tcp4 +connected +127\\.0\\.0\\.1:" + client + " +127\\.0\\.0\\.1:" + server
                + " +blocking +3B/1 +0B/0 +ESTABLISHED +0 +0", table.get(2));
        assertMatches("conn +tcp4 +connected +127\\.0\\.0\\.1:" + server + " +127\\.0\\.0\\.1:" + client
                + " +nonblocking +0B/0 +3B/1 +ESTABLISHED +0 +0", table.get(3));
        assertEquals(4, shell.ok("sockets --no-kernel").lines().count());
    }

    @Test
    void socketsWithNoSocketsSaysHowToMakeOne() {
        assertEquals("no sockets (create one with: socket s)", shell.value("sockets"));
    }

    @Test
    void makefileNamesTheFileAndTheTableListsIt() {
        shell.openConnectedPair();
        assertEquals("f1", shell.value("makefile c"));
        assertEquals("", shell.ok("makefile conn out w"));
        shell.session().width(140);
        List<String> table = shell.ok("sockets").lines().toList();
        assertMatches("FILE +SOCKET +MODE +STATE +BUFFERED", table.get(4));
        assertMatches("f1 +c +r +open +0B", table.get(5));
        assertMatches("out +conn +w +open +0B", table.get(6));
    }

    @Test
    void fileCommandsReadAndWriteAsPythonFilesDo() {
        shell.openConnectedPair();
        shell.ok("makefile conn out wb");
        shell.ok("makefile c in rb");
        assertEquals("4", shell.value("write out \"one\\n\""));
        assertEquals("", shell.ok("writelines out \"two\\n\" \"three\\n\" \"rest\""));
        assertEquals("", shell.ok("flush out"));
        assertEquals("b'one\\n'", shell.value("readline in"));
        assertEquals("b'tw'", shell.value("read in 2"));
        shell.ok("close out conn");
        assertEquals("[b'o\\n', b'three\\n', b'rest']", shell.value("readlines in"));
    }

    @Test
    void readWithoutSizeReadsToTheEndOfTheStream() {
        shell.openConnectedPair();
        shell.ok("makefile c in r");
        shell.value("send conn \"all of it\\n\"");
        shell.ok("close conn");
        assertEquals("'all of it\\n'", shell.value("read in"));
        assertEquals("''", shell.value("readline in"));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        List<String> list = shell.ok("help").lines().toList();
        assertEquals("Commands (help COMMAND for details; help data; help jobs):", list.get(0));
        for (String command : shell.session().commandNames()) {
            if (!command.equals("quit")) {
                assertTrue(list.stream().anyMatch(line -> line.startsWith("  " + command + " ")), command);
            }
        }
        String send = shell.ok("help send");
        assertTrue(send.startsWith("Usage:  send SOCKET DATA"), send);
        assertTrue(send.contains("Lesson: send may take FEWER bytes"), send);
        assertTrue(shell.ok("help data").startsWith("Data arguments (send, sendall, sendto, write, writelines):"));
        assertTrue(shell.ok("help jobs").contains("Background jobs:"));
    }

    @Test
    void settingsAreShownAndChanged() {
        assertEquals(List.of("display short", "debug off", "trace off", "diagram off"), shell.ok("set").lines().toList());
        assertEquals("", shell.ok("set display hex"));
        assertEquals("", shell.ok("set debug on"));
        assertEquals("", shell.ok("trace on"), "silent, as set is");
        assertEquals(List.of("display hex", "debug on", "trace on", "diagram off"), shell.ok("set").lines().toList());
        assertEquals("trace on", shell.value("trace"));
    }

    @Test
    void exitAsksTheDriverToStop() {
        assertFalse(shell.session().exitRequested());
        assertEquals("", shell.ok("exit"));
        assertTrue(shell.session().exitRequested());
    }

    @Test
    void quitIsExit() {
        assertEquals("", shell.ok("quit"));
        assertTrue(shell.session().exitRequested());
    }

    @Test
    void blankAndCommentLinesDoNothing() {
        assertEquals("", shell.ok(""));
        assertEquals("", shell.ok("   "));
        assertEquals("", shell.ok("# a note to self"));
    }
}
