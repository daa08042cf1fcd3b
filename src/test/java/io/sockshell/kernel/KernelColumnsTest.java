package io.sockshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.support.ShellDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel columns agree with {@code ss -tan} (iproute2, which asks the kernel over netlink,
 * not through {@code /proc/net/tcp}) for every state the shipped transcripts reach: LISTEN with
 * its accept queue and backlog, connections not accepted yet, ESTABLISHED with unread bytes,
 * FIN_WAIT2 and CLOSE_WAIT after a half close, TIME_WAIT after the first close, and a sender's
 * full SEND-Q. Each view is compared right after the shell's settled snapshot; both are read
 * after the kernel has settled, so they must agree exactly. ss also shows other programs' sockets
 * on the same port (an earlier test's TIME_WAIT whose peer had this port), so its rows are those
 * whose local port is one of this session's.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelColumnsTest {
    private final ShellDriver shell = new ShellDriver();
    private final Set<Integer> sessionPorts = new HashSet<>();

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void everyStateTheTranscriptsReachAgreesWithSs() throws Exception {
        assumeTrue(KernelFiles.standard().notLinux().isEmpty(), "the kernel's tables are Linux's");
        shell.ok("socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c 127.0.0.1 s.port",
                "socket c2", "connect c2 127.0.0.1 s.port");
        int port = shell.port("s");
        remember("s", "c", "c2");
        Map<String, String> listening = agreeWithSs(port);
        assertEquals("LISTEN 2 1", listening.get("127.0.0.1:" + port + " *"), listening.toString());
        assertTrue(listening.values().stream().filter(row -> row.startsWith("ESTABLISHED")).count() == 4,
                listening.toString());

        shell.value("accept s conn");
        shell.value("accept s conn2");
        remember("conn", "conn2");
        shell.ok("send c \"hello\"");
        Map<String, String> unread = agreeWithSs(port);
        assertTrue(unread.containsValue("ESTABLISHED 5 0"), unread.toString());
        assertEquals("LISTEN 0 1", unread.get("127.0.0.1:" + port + " *"));

        shell.ok("shutdown c SHUT_WR");
        Map<String, String> halfClosed = agreeWithSs(port);
        assertTrue(halfClosed.containsValue("FIN_WAIT2 0 0"), halfClosed.toString());
        assertTrue(halfClosed.containsValue("CLOSE_WAIT 6 0"), halfClosed.toString());

        shell.ok("recv conn 10", "recv conn 10", "close conn", "close c");
        Map<String, String> timeWait = agreeWithSs(port);
        assertTrue(timeWait.containsValue("TIME_WAIT 0 0"), timeWait.toString());
        assertFalse(timeWait.toString().contains("CLOSE_WAIT"), timeWait.toString());

        // A sender that filled both queues: small fixed buffers, so that nothing grows while ss reads.
        shell.ok("socket fs", "setsockopt fs SOL_SOCKET SO_RCVBUF 4096", "bind fs 127.0.0.1 0", "listen fs 1",
                "socket fc", "setsockopt fc SOL_SOCKET SO_SNDBUF 4096", "connect fc 127.0.0.1 fs.port");
        shell.value("accept fs fconn");
        shell.ok("setblocking fc 0");
        shell.value("send fc b'x'*1000000");
        int flowPort = shell.port("fs");
        remember("fs", "fc", "fconn");
        agreeWithSs(flowPort);
        shell.value("send fc b'x'*1000000");
        Map<String, String> full = agreeWithSs(flowPort);
        assertTrue(full.values().stream().anyMatch(row -> row.startsWith("ESTABLISHED 0 ") && !row.endsWith(" 0")),
                () -> "no send queue filled: " + full);
        assertTrue(full.values().stream().anyMatch(row -> row.startsWith("ESTABLISHED") && row.endsWith(" 0")
                && !row.startsWith("ESTABLISHED 0 ")), () -> "no receive queue filled: " + full);
    }

    @Test
    void traceKernelSaysWhatEachCommandChangedOnceTheKernelSettled() {
        assumeTrue(KernelFiles.standard().notLinux().isEmpty(), "the kernel's tables are Linux's");
        shell.ok("trace kernel", "socket s", "bind s 127.0.0.1 0");
        assertEquals("| kernel: s CLOSE -> LISTEN\n", shell.ok("listen s 1"));
        shell.ok("socket c");
        assertEquals("| kernel: s accept queue 1/1\n| kernel: c CLOSE -> ESTABLISHED\n",
                shell.ok("connect c 127.0.0.1 s.port"));
        assertTrue(shell.ok("accept s conn").endsWith(")\n| kernel: s accept queue 0/1\n"));
        assertEquals("5\n| kernel: conn RECV-Q 5\n", shell.ok("send c \"hello\""));
        assertEquals("b'hello'\n| kernel: conn RECV-Q 0\n", shell.ok("recv conn 10"));
        assertEquals("| kernel: c ESTABLISHED -> CLOSE_WAIT\n| kernel: c RECV-Q 1\n"
                + "| kernel: conn ESTABLISHED -> FIN_WAIT2\n", shell.ok("shutdown conn SHUT_WR"));
        assertEquals("b''\n| kernel: c RECV-Q 0\n", shell.ok("recv c 10"));
        assertEquals("| kernel: conn FIN_WAIT2 -> TIME_WAIT\n| kernel: c CLOSE_WAIT -> CLOSE\n", shell.ok("close c"));
        shell.ok("trace off");
        assertEquals("", shell.ok("close conn s"));
    }

    @Test
    void unreadableProcMakesTheColumnsSayQuestionMarks(@TempDir Path empty) throws Exception {
        NetTables tables = NetTables.read(new KernelFiles(empty, "Linux"), true);
        assertTrue(tables.unavailable().orElseThrow().contains("there is no such file"), tables.unavailable().get());
        assertTrue(tables.rows().isEmpty());
        NetTables elsewhere = NetTables.read(new KernelFiles(empty, "Mac OS X"), false);
        assertTrue(elsewhere.unavailable().orElseThrow().contains("Mac OS X"), elsewhere.unavailable().get());
    }

    @Test
    void aSessionWithoutTheKernelsTablesShowsQuestionMarksAndSaysWhy(@TempDir Path empty) {
        String before = System.getProperty(KernelFiles.PROPERTY);
        System.setProperty(KernelFiles.PROPERTY, empty.resolve("no-proc").toString());
        ShellDriver blind;
        try {
            blind = new ShellDriver();
        } finally {
            if (before == null) {
                System.clearProperty(KernelFiles.PROPERTY);
            } else {
                System.setProperty(KernelFiles.PROPERTY, before);
            }
        }
        try (blind) {
            blind.openConnectedPair();
            blind.ok("socket u SOCK_DGRAM");
            blind.session().width(200);
            List<String> table = blind.ok("sockets").lines().toList();
            assertTrue(table.get(1).matches("s +tcp4 .* \\? +\\? +\\?"), table.toString());
            assertTrue(table.get(4).matches("u +udp4 .* - +- +-"), table.toString());
            String why = blind.value("netstat");
            assertTrue(why.startsWith("no kernel view here: ") && why.contains("cannot be read"), why);
            blind.ok("trace kernel");
            assertEquals("5\n", blind.ok("send c \"hello\""));
        }
    }

    @Test
    void aTableLineIsReadAsTheKernelWroteIt() {
        NetTables tables = NetTables.of(Map.of("tcp",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 4242 1\n"
                + "   1: 0100007F:C350 0100007F:1F90 01 00000007:00000005 00:00000000 00000000     0        0 4343 1\n"
                + "garbage line\n"));
        SocketRow listener = tables.listener(Endpoints.key(io.sockshell.engine.Address.of(
                new java.net.InetSocketAddress("127.0.0.1", 8080))));
        assertEquals(3, listener.receiveQueue());
        assertEquals(4242, listener.inode());
        SocketRow client = tables.rows().get(1);
        assertEquals(null, tables.peerOf(client), "the server's end of the connection is not in the table");
        assertEquals(TcpState.ESTABLISHED, client.tcpState());
        assertEquals(7, client.sendQueue());
        assertEquals(5, client.receiveQueue());
        assertEquals("('127.0.0.1', 50000)", client.localAddress().pythonRepr());
        assertEquals(2, tables.rows().size());
        assertEquals(List.of(client), tables.byInode(List.of(4343L, 99L)).get(4343L));
        assertEquals(List.of(listener), tables.listening(List.of(4343L, 4242L)));
        assertEquals(client, tables.connection(client.localKey(), client.remoteKey()));
    }

    /** A socket the kernel wrote twice (it walks its table again for each page) is one row, the later. */
    @Test
    void aSocketWrittenTwiceIsOneRow() {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        NetTables tables = NetTables.of(Map.of("tcp", header
                + "   0: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 0 1\n"
                + "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 4242 1\n"
                + "   2: 0100007F:1F90 0100007F:C350 01 00000000:00000004 00:00000000 00000000     0        0 0 1\n"
                + "   3: 0100007F:1F90 0100007F:C351 01 00000000:00000000 00:00000000 00000000     0        0 0 1\n"));
        assertEquals(3, tables.rows().size());
        assertEquals(4, tables.rows().get(0).receiveQueue(), "the later row of the socket, in the earlier's place");
        assertEquals(4242, tables.rows().get(1).inode());
    }

    private void remember(String... sockets) {
        for (String socket : sockets) {
            sessionPorts.add(shell.port(socket));
        }
    }

    /**
     * Every kernel row the shell relates to the session on {@code port}, as {@code "LOCAL PEER" -> "STATE
     * RECV-Q SEND-Q"}, after checking that ss shows the same rows with the same values.
     */
    private Map<String, String> agreeWithSs(int port) throws IOException, InterruptedException {
        KernelView.Snapshot snapshot = shell.session().kernel().settled();
        Map<String, String> ss = ss(port, sessionPorts);
        Map<String, String> shell = new TreeMap<>();
        for (KernelView.Entry entry : snapshot.entries()) {
            SocketRow row = entry.row();
            if (row == null || row.localPort() != port && row.remotePort() != port) {
                continue;
            }
            shell.put(row.localAddress().hostPort() + " " + peer(row), entry.state() + " " + row.receiveQueue() + " "
                    + entry.sendQueueShown());
        }
        assertEquals(ss, shell, "ss -tan and the shell's kernel columns differ");
        return shell;
    }

    private static String peer(SocketRow row) {
        return row.remotePort() == 0 ? "*" : row.remoteAddress().hostPort();
    }

    /**
     * ss's rows on {@code port} (either end) whose local port is one of {@code ours}, in the shell's words: state
     * names as the kernel's, peer * for none.
     */
    private static Map<String, String> ss(int port, Set<Integer> ours) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ss", ".txt");
        try {
            Process process = new ProcessBuilder("ss", "-tanH", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "ss did not finish");
            String printed = read(out);
            assertEquals(0, process.exitValue(), () -> "ss failed: " + printed);
            Map<String, String> rows = new TreeMap<>();
            for (String line : printed.lines().toList()) {
                List<String> fields = new ArrayList<>(List.of(line.trim().split("\\s+")));
                String local = fields.get(3);
                if (!ours.contains(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)))) {
                    continue;
                }
                String state = fields.get(0).equals("ESTAB") ? "ESTABLISHED" : fields.get(0).replace("-", "_")
                        .replace("WAIT_", "WAIT");
                String peer = fields.get(4).endsWith(":*") ? "*" : fields.get(4);
                rows.put(local + " " + peer, state + " " + fields.get(1) + " " + fields.get(2));
            }
            return rows;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
