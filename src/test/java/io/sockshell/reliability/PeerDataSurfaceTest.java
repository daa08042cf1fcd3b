package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import io.sockshell.support.Escaping;
import io.sockshell.support.ShellDriver;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing a peer sends reaches the terminal raw: escape sequences, bells, NULs, DEL, C1
 * controls (0x9b is a one-byte CSI), bidi overrides and line separators come out escaped in
 * every way received data is shown: recv and recvfrom, readline, readlines and read in text
 * and bytes mode, short, full and hex, session-wide and per command, in a background job's
 * report and with trace on. Where CPython's REPL shows the value, the text is CPython's
 * (measured with python3 here).
 */
@Timeout(30)
class PeerDataSurfaceTest {
    /** Colours, bell, NUL, DEL, CSI, bidi override, line separator, NEL, BOM, é and an emoji, as UTF-8. */
    static final byte[] HOSTILE = ("\u001b[31mred\u001b[0m\u0007\u0000\u007f\u009b6n\u202e\u2028\u0085\ufeff\u00e9"
            + "\ud83d\ude00\n").getBytes(StandardCharsets.UTF_8);
    /** Set the window title, clear the screen, a lone 0xff, a raw CSI byte, backspace, CR LF: not UTF-8. */
    static final byte[] RAW = {0x1b, ']', '0', ';', 'p', 'w', 'n', 'e', 'd', 0x07, 0x1b, '[', '2', 'J', (byte) 0xff,
        (byte) 0x9b, 0x08, '\r', '\n'};
    /** repr(HOSTILE), by python3. */
    static final String HOSTILE_BYTES = "b'\\x1b[31mred\\x1b[0m\\x07\\x00\\x7f\\xc2\\x9b6n\\xe2\\x80\\xae\\xe2\\x80\\xa8\\xc2"
            + "\\x85\\xef\\xbb\\xbf\\xc3\\xa9\\xf0\\x9f\\x98\\x80\\n'";
    /** repr(HOSTILE.decode()), by python3. */
    static final String HOSTILE_TEXT = "'\\x1b[31mred\\x1b[0m\\x07\\x00\\x7f\\x9b6n\\u202e\\u2028\\x85\\ufeff\u00e9\ud83d\ude00\\n'";
    /** repr(RAW), by python3. */
    static final String RAW_BYTES = "b'\\x1b]0;pwned\\x07\\x1b[2J\\xff\\x9b\\x08\\r\\n'";

    private final List<String> shown = new ArrayList<>();
    private ShellDriver shell;
    private ServerSocket server;

    @BeforeEach
    void open() throws Exception {
        shell = new ShellDriver();
        server = LoopbackPeer.listener();
    }

    @AfterEach
    void closeAndCheckEverythingShown() throws Exception {
        shell.close();
        server.close();
        for (String output : shown) {
            assertNoTerminalControls(output);
        }
    }

    @Test
    void recvInEveryStyle() throws Exception {
        try (LoopbackPeer peer = connect("c")) {
            peer.send(HOSTILE);
            assertEquals(HOSTILE_BYTES + "\n", show("recv c 1000"));
            peer.send(RAW);
            assertEquals(RAW_BYTES + "\n", show("recv c 1000 --full"));
            peer.send(RAW);
            String dump = show("recv c 1000 --hex");
            assertTrue(dump.startsWith("00000000  1b 5d 30 3b 70 77 6e 65  64 07 1b 5b 32 4a ff 9b  |.]0;pwned..[2J..|\n"),
                    dump);
            peer.send(concat(HOSTILE, HOSTILE, RAW));
            String shortened = show("recv c 1000");
            assertTrue(shortened.endsWith("... (93 bytes)\n"), shortened);
            peer.send(HOSTILE);
            shell.ok("set display full");
            assertEquals(HOSTILE_BYTES + "\n", show("recv c 1000"));
            peer.send(HOSTILE);
            shell.ok("set display hex");
            show("recv c 1000");
            peer.send(HOSTILE);
            String fd = Backends.posix() ? shell.value("fileno c") : "";
            shell.ok("set display short", "trace on");
            // posix's trace shows the data too, strace's way: its first 32 bytes, escaped.
            String traced = Backends.posix()
                    ? "| recv(" + fd + ", \"\\x1b[31mred\\x1b[0m\\x07\\x00\\x7f\\xc2\\x9b6n\\xe2\\x80\\xae\\xe2\\x80"
                            + "\\xa8\\xc2\\x85\\xef\\xbb\\xbf\\xc3\\xa9\"..., 1000, MSG_DONTWAIT) = 37"
                    : "| recv(c, 1000) = 37";
            assertEquals(traced + "\n" + HOSTILE_BYTES + "\n", show("recv c 1000"));
        }
    }

    @Test
    void recvfromInEveryStyle() throws Exception {
        shell.ok("socket u SOCK_DGRAM", "bind u 127.0.0.1 0");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), shell.port("u"));
            String from = "('127.0.0.1', " + peer.getLocalPort() + ")";
            peer.send(new DatagramPacket(HOSTILE, HOSTILE.length, target));
            assertEquals("(" + HOSTILE_BYTES + ", " + from + ")\n", show("recvfrom u 1000"));
            peer.send(new DatagramPacket(RAW, RAW.length, target));
            assertEquals("(" + RAW_BYTES + ", " + from + ")\n", show("recvfrom u 1000 --full"));
            peer.send(new DatagramPacket(RAW, RAW.length, target));
            assertTrue(show("recvfrom u 1000 --hex").endsWith("(19 bytes), " + from + ")\n"));
        }
    }

    @Test
    void linesInTextMode() throws Exception {
        try (LoopbackPeer peer = connect("c")) {
            shell.ok("makefile c f r");
            peer.send(concat(HOSTILE, HOSTILE, HOSTILE, HOSTILE));
            assertEquals(HOSTILE_TEXT + "\n", show("readline f"));
            assertEquals(HOSTILE_TEXT + "\n", show("readline f --hex"));
            assertEquals("'\\x1b[31mred'\n", show("read f 8"));
            assertEquals("'" + HOSTILE_TEXT.substring("'\\x1b[31mred".length()) + "\n", show("readline f"));
            peer.send(RAW);
            peer.shutdownOutput();
            ShellDriver.Result notUtf8 = shell.run("readlines f");
            shown.add(notUtf8.err());
            assertEquals("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 14: invalid start byte\n",
                    notUtf8.err());
        }
    }

    @Test
    void linesInBytesMode() throws Exception {
        try (LoopbackPeer peer = connect("c")) {
            shell.ok("makefile c f rb");
            peer.send(concat(HOSTILE, RAW, HOSTILE, RAW, HOSTILE, RAW));
            peer.shutdownOutput();
            assertEquals(HOSTILE_BYTES + "\n", show("readline f"));
            assertEquals(RAW_BYTES + "\n", show("readline f --full"));
            show("readline f --hex");
            assertEquals(RAW_BYTES + "\n", show("readline f"));
            assertEquals("[" + HOSTILE_BYTES + ", " + RAW_BYTES + "]\n", show("readlines f"));
            assertEquals("b''\n", show("read f"));
        }
    }

    @Test
    void aBackgroundJobsReport() throws Exception {
        try (LoopbackPeer peer = connect("c")) {
            shell.ok("recv c 1000 &");
            peer.send(RAW);
            assertEquals("[1] done: recv c 1000\n" + RAW_BYTES + "\n", show("wait 1 -t 10"));
        }
    }

    /** Connects a session socket {@code name} to the test's listener and returns the peer. */
    private LoopbackPeer connect(String name) throws Exception {
        shell.ok("socket " + name, "connect " + name + " 127.0.0.1 " + server.getLocalPort());
        return LoopbackPeer.accept(server);
    }

    /** Runs a line that must work; keeps its output for the final check. */
    private String show(String line) {
        String out = shell.ok(line);
        shown.add(out);
        return out;
    }

    static void assertNoTerminalControls(String output) {
        for (String line : output.split("\n", -1)) {
            int at = Escaping.firstTerminalControl(line);
            assertEquals(-1, at, () -> "raw control character in " + Escaping.javaString(line));
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
