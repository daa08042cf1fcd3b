package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.session.Session;
import io.sockshell.support.ShellDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults a real peer on loopback can cause, each met with the error or result CPython gives
 * on Linux (measured with python3 on this machine), after which the session and its other
 * sockets carry on: a bystander connection inside the same session still exchanges data both
 * ways, the faulted socket is still listed, and new sockets can be made.
 */
@Timeout(60)
class FaultMatrixTest {
    private static final String RESET = "ConnectionResetError: [Errno 104] Connection reset by peer";
    private static final String BROKEN_PIPE = "BrokenPipeError: [Errno 32] Broken pipe";
    private static final String TIMED_OUT = "TimeoutError: timed out";
    private static final String IN_USE = "OSError: [Errno 98] Address already in use";
    /** Far more than loopback buffers hold, so a sendall of it blocks until the peer reads. */
    private static final String BIG = "\"x\"*67108864";

    private ShellDriver shell;

    @BeforeEach
    void sessionWithABystander() {
        shell = new ShellDriver();
        shell.ok("socket by_lst", "bind by_lst 127.0.0.1 0", "listen by_lst", "socket by_cli",
                "connect by_cli 127.0.0.1 by_lst.port", "accept by_lst by_srv");
    }

    @AfterEach
    void closeSession() {
        shell.close();
    }

    @Test
    void peerResetsDuringRecv() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            LoopbackPeer peer = LoopbackPeer.accept(server);
            assertEquals("[1] pending: recv c 100\n", shell.ok("recv c 100 &"));
            BlockedCall.awaitWaitingInEngine(BlockedCall.jobThread(1));
            peer.reset();
            assertEquals("[1] done: recv c 100\n" + RESET + "\n", shell.ok("wait 1 -t 10"));
        }
        shell.prints("recv c 100", "b''");
        shell.fails("send c b'x'", BROKEN_PIPE);
        assertSessionCarriesOn("c");
    }

    @Test
    void peerResetsDuringSend() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            LoopbackPeer peer = LoopbackPeer.accept(server);
            shell.ok("sendall c " + BIG + " &");
            BlockedCall.awaitWaitingInEngine(BlockedCall.jobThread(1));
            peer.reset();
            assertEquals("[1] done: sendall c " + BIG + "\n" + RESET + "\n", shell.ok("wait 1 -t 10"));
        }
        shell.prints("recv c 100", "b''");
        assertSessionCarriesOn("c");
    }

    @Test
    void peerHalfCloses() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                peer.send("bye");
                peer.shutdownOutput();
                shell.prints("recv c 100", "b'bye'");
                shell.prints("recv c 100", "b''");
                shell.prints("recv c 100", "b''");
                shell.prints("send c \"still here\"", "10");
                assertEquals("still here", peer.receiveText(10));
                shell.ok("close c");
                assertEquals(0, peer.receiveUntilEnd());
            }
        }
        assertSessionCarriesOn("c");
    }

    @Test
    void peerClosesInTheMiddleOfALargeSendall() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            LoopbackPeer peer = LoopbackPeer.accept(server);
            shell.ok("sendall c " + BIG + " &");
            assertTrue(peer.receiveSome() > 0);
            peer.close();
            String report = shell.ok("wait 1 -t 10");
            assertTrue(report.equals("[1] done: sendall c " + BIG + "\n" + RESET + "\n")
                    || report.equals("[1] done: sendall c " + BIG + "\n" + BROKEN_PIPE + "\n"), report);
        }
        assertSessionCarriesOn("c");
    }

    @Test
    void connectIsRefusedAndTheSocketCanConnectAgain() throws Exception {
        try (Socket boundButNotListening = new Socket()) {
            boundButNotListening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = boundButNotListening.getLocalPort();
            shell.ok("socket c");
            shell.fails("connect c 127.0.0.1 " + port, "ConnectionRefusedError: [Errno 111] Connection refused");
            shell.prints("connect_ex c 127.0.0.1 " + port, "111");
        }
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("connect c 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                shell.ok("sendall c \"ping\"");
                assertEquals("ping", peer.receiveText(4));
            }
        }
        assertSessionCarriesOn("c");
    }

    @Test
    void addressInUse() throws Exception {
        try (ServerSocket taken = LoopbackPeer.listener()) {
            shell.ok("socket t");
            shell.fails("bind t 127.0.0.1 " + taken.getLocalPort(), IN_USE);
            shell.fails("bind t 127.0.0.1 by_lst.port", IN_USE);
        }
        shell.ok("bind t 127.0.0.1 0", "listen t");
        try (LoopbackPeer client = LoopbackPeer.connect(shell.port("t"))) {
            shell.ok("accept t conn");
            client.send("hi");
            shell.prints("recv conn 10", "b'hi'");
        }
        assertSessionCarriesOn("t", "conn");
    }

    /**
     * A server that closed first leaves its side of the connection in TIME_WAIT. Linux then
     * refuses to bind that port again unless both the old and the new socket set SO_REUSEADDR
     * (python3 here: old with, new without: [Errno 98]; both with: bound; old without, new
     * with: [Errno 98]).
     */
    @Test
    void serverRestartAfterClosingFirstNeedsReuseAddressOnBothSides() throws Exception {
        int port = serverThatClosedFirst("old", true);
        shell.ok("socket plain");
        shell.fails("bind plain 127.0.0.1 " + port, IN_USE);
        shell.ok("socket again", "setsockopt again SOL_SOCKET SO_REUSEADDR 1", "bind again 127.0.0.1 " + port,
                "listen again");
        try (LoopbackPeer client = LoopbackPeer.connect(port)) {
            shell.ok("accept again conn");
            client.send("back");
            shell.prints("recv conn 10", "b'back'");
        }
        assertSessionCarriesOn("old", "plain", "again", "conn");
    }

    @Test
    void reuseAddressOnlyOnTheRestartIsNotEnough() throws Exception {
        int port = serverThatClosedFirst("old", false);
        shell.ok("socket again", "setsockopt again SOL_SOCKET SO_REUSEADDR 1");
        shell.fails("bind again 127.0.0.1 " + port, IN_USE);
        shell.ok("bind again 127.0.0.1 0", "listen again");
        assertSessionCarriesOn("old", "again");
    }

    @Test
    void bindToAnAddressThisMachineDoesNotHave() {
        shell.ok("socket t");
        shell.fails("bind t 192.0.2.1 0", "OSError: [Errno 99] Cannot assign requested address");
        shell.ok("bind t 127.0.0.1 0", "listen t");
        assertSessionCarriesOn("t");
    }

    @Test
    void acceptAndRecvTimeOutAndTheSocketsStillWork() throws Exception {
        shell.ok("socket lst", "bind lst 127.0.0.1 0", "listen lst", "settimeout lst 0.05");
        shell.fails("accept lst", TIMED_OUT);
        try (LoopbackPeer client = LoopbackPeer.connect(shell.port("lst"))) {
            shell.ok("accept lst conn", "settimeout conn 0.05");
            shell.fails("recv conn 10", TIMED_OUT);
            client.send("late");
            shell.ok("settimeout conn 10");
            shell.prints("recv conn 10", "b'late'");
        }
        assertSessionCarriesOn("lst", "conn");
    }

    @Test
    void theUserCancelsBlockingCallsAndTheSocketsStillWork() throws Exception {
        shell.ok("socket lst", "bind lst 127.0.0.1 0", "listen lst");
        BlockedCall accept = BlockedCall.start(shell, "accept lst conn");
        shell.session().cancelForeground();
        assertEquals(new ShellDriver.Result("accept lst conn", Session.FAILED, "", "KeyboardInterrupt\n"),
                accept.outcome());
        try (LoopbackPeer client = LoopbackPeer.connect(shell.port("lst"))) {
            shell.ok("accept lst conn");
            BlockedCall recv = BlockedCall.start(shell, "recv conn 100");
            shell.session().cancelForeground();
            assertEquals(new ShellDriver.Result("recv conn 100", Session.FAILED, "", "KeyboardInterrupt\n"),
                    recv.outcome());
            client.send("after");
            shell.prints("recv conn 100", "b'after'");
            shell.ok("recv conn 100 &");
            BlockedCall.awaitWaitingInEngine(BlockedCall.jobThread(1));
            shell.ok("kill %1");
            assertEquals("[1] done: recv conn 100\nKeyboardInterrupt\n", shell.ok("wait 1 -t 10"));
            client.send("still");
            shell.prints("recv conn 100", "b'still'");
        }
        assertSessionCarriesOn("lst", "conn");
    }

    @Test
    void aPeerThatConnectsAndNeverSends() throws Exception {
        shell.ok("socket lst", "bind lst 127.0.0.1 0", "listen lst");
        try (LoopbackPeer silent = LoopbackPeer.connect(shell.port("lst"))) {
            shell.ok("accept lst quiet", "setblocking quiet 0");
            shell.fails("recv quiet 10", "BlockingIOError: [Errno 11] Resource temporarily unavailable");
            shell.ok("settimeout quiet 0.05");
            shell.fails("recv quiet 10", TIMED_OUT);
            shell.prints("select -r quiet -t 0", "([], [], [])");
            try (LoopbackPeer talker = LoopbackPeer.connect(shell.port("lst"))) {
                shell.ok("accept lst talker");
                talker.send("hi");
                shell.prints("select -r quiet,talker -t 10", "([talker], [], [])");
                shell.prints("recv talker 10", "b'hi'");
                shell.ok("sendall talker \"bye\"");
                assertEquals("bye", talker.receiveText(3));
            }
            shell.ok("close quiet");
            assertEquals(0, silent.receiveUntilEnd());
        }
        assertSessionCarriesOn("lst", "quiet", "talker");
    }

    @Test
    void receiveSizesZeroTwoToTheThirtyOneAndBeyond() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                shell.prints("recv c 0", "b''");
                peer.send("hello");
                shell.prints("select -r c -t 10", "([c], [], [])");
                shell.prints("recv c 0", "b''");
                shell.prints("recv c 2147483648", "b'hello'");
                shell.fails("recv c 9223372036854775808", "OverflowError: Python int too large to convert to C ssize_t");
                shell.fails("recv c -9223372036854775809", "OverflowError: Python int too large to convert to C ssize_t");
                shell.fails("recv c -1", "ValueError: negative buffersize in recv");
                shell.fails("recv c -2147483649", "ValueError: negative buffersize in recv");
            }
        }
        shell.ok("socket u SOCK_DGRAM", "bind u 127.0.0.1 0", "socket v SOCK_DGRAM", "sendto v b'\\x1b[31m\\x07' 127.0.0.1 u.port");
        shell.prints("recvfrom u 2147483648 --full", "(b'\\x1b[31m\\x07', ('127.0.0.1', " + shell.port("v") + "))");
        shell.fails("recvfrom u -1", "ValueError: negative buffersize in recvfrom");
        shell.fails("recvfrom c -1", "ValueError: negative buffersize in recvfrom");
        assertSessionCarriesOn("c", "u", "v");
    }

    @Test
    void dataThatIsNotUtf8() throws Exception {
        try (ServerSocket server = LoopbackPeer.listener()) {
            shell.ok("socket c", "connect c 127.0.0.1 " + server.getLocalPort(), "socket d",
                    "connect d 127.0.0.1 " + server.getLocalPort(), "socket e", "connect e 127.0.0.1 " + server.getLocalPort());
            try (LoopbackPeer forC = LoopbackPeer.accept(server); LoopbackPeer forD = LoopbackPeer.accept(server);
                    LoopbackPeer forE = LoopbackPeer.accept(server)) {
                forC.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'a', '\n'});
                shell.prints("select -r c -t 10", "([c], [], [])");
                shell.prints("recv c 100", "b'\\xff\\xfe\\x00a\\n'");

                forD.send(new byte[] {(byte) 0xff, '\n'});
                forD.shutdownOutput();
                shell.ok("makefile d fd r");
                shell.fails("readline fd",
                        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");

                forE.send(new byte[] {'a', 'b', (byte) 0xe2, (byte) 0x82, '(', '\n', (byte) 0xff, '\n'});
                forE.shutdownOutput();
                shell.ok("makefile e fe rb");
                shell.prints("readline fe", "b'ab\\xe2\\x82(\\n'");
                shell.prints("readline fe --hex", "00000000  ff 0a                                             |..|\n(2 bytes)");
                shell.prints("readline fe", "b''");
            }
        }
        assertSessionCarriesOn("c", "d", "fd", "e", "fe");
    }

    /**
     * A line that is not UTF-8, read in text mode, each on a connection of its own so the line
     * is the whole chunk read: CPython's message names the byte, or the range of bytes, and why.
     */
    @Test
    void undecodableLinesReportWhatCPythonReports() throws Exception {
        Map<byte[], String> cases = new LinkedHashMap<>();
        cases.put(new byte[] {'a', 'b', (byte) 0xe2, (byte) 0x82, '(', '\n'}, "bytes in position 2-3: invalid continuation byte");
        cases.put(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, '(', '\n'}, "bytes in position 0-2: invalid continuation byte");
        cases.put(new byte[] {(byte) 0xc0, (byte) 0xaf, '\n'}, "byte 0xc0 in position 0: invalid start byte");
        cases.put(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'}, "byte 0xed in position 0: invalid continuation byte");
        cases.put(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '\n'},
                "byte 0xf4 in position 0: invalid continuation byte");
        cases.put(new byte[] {(byte) 0x80, 'a', 'b', 'c', '\n'}, "byte 0x80 in position 0: invalid start byte");
        cases.put(new byte[] {(byte) 0xe2, (byte) 0x82}, "bytes in position 0-1: unexpected end of data");
        try (ServerSocket server = LoopbackPeer.listener()) {
            int connection = 0;
            for (Map.Entry<byte[], String> entry : cases.entrySet()) {
                String name = "c" + connection++;
                shell.ok("socket " + name, "connect " + name + " 127.0.0.1 " + server.getLocalPort());
                try (LoopbackPeer peer = LoopbackPeer.accept(server)) {
                    peer.send(entry.getKey());
                    peer.shutdownOutput();
                    shell.ok("makefile " + name + " f_" + name);
                    shell.fails("readline f_" + name, "UnicodeDecodeError: 'utf-8' codec can't decode " + entry.getValue());
                    shell.ok("close f_" + name + " " + name);
                }
            }
        }
        assertSessionCarriesOn("c0", "c6");
    }

    /**
     * Runs a server under {@code name} (with or without SO_REUSEADDR) that accepts one client
     * and closes first, then lets the client see the end and close; returns the server's port.
     */
    private int serverThatClosedFirst(String name, boolean reuseAddress) throws IOException {
        shell.ok("socket " + name, "setsockopt " + name + " SOL_SOCKET SO_REUSEADDR " + (reuseAddress ? 1 : 0),
                "bind " + name + " 127.0.0.1 0", "listen " + name);
        int port = shell.port(name);
        try (LoopbackPeer client = LoopbackPeer.connect(port)) {
            shell.ok("accept " + name + " " + name + "_conn", "close " + name + "_conn", "close " + name);
            assertEquals(0, client.receiveUntilEnd());
        }
        return port;
    }

    /**
     * The bystander still talks both ways, every faulted socket or file is still held under
     * its name, nothing is left running, and a new socket can be made and closed.
     */
    private void assertSessionCarriesOn(String... faulted) {
        shell.ok("sendall by_cli \"still here\"");
        shell.prints("recv by_srv 100", "b'still here'");
        shell.ok("sendall by_srv b'\\x00back'");
        shell.prints("recv by_cli 100", "b'\\x00back'");
        String sockets = shell.ok("sockets");
        for (String name : faulted) {
            assertTrue(sockets.lines().anyMatch(line -> line.startsWith(name + " ")), name + " is gone:\n" + sockets);
        }
        assertEquals("", shell.ok("jobs"));
        assertEquals(List.of(), shell.session().leftovers().stream().filter(left -> left.startsWith("job ")).toList());
        shell.ok("socket fresh", "close fresh");
    }
}
