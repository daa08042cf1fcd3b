package io.sockshell.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Links over real loopback sockets, with plain JDK sockets at both ends (readers the shell does
 * not know, so every wait goes through the kernel's tables).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinkTest {
    private ServerSocketChannel server;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
        server.close();
    }

    private Link link(LinkOptions options) throws IOException {
        Link link = Link.open("t", (InetSocketAddress) server.getLocalAddress(), options, Readers.NONE, () -> false);
        opened.add(link::close);
        return link;
    }

    private SocketChannel connect(Link link) throws IOException {
        SocketChannel client = SocketChannel.open(link.address());
        opened.add(client);
        return client;
    }

    private SocketChannel accept() throws IOException {
        SocketChannel accepted = server.accept();
        opened.add(accepted);
        return accepted;
    }

    private static LinkOptions sliced(int min, int max, long seed) {
        return new LinkOptions(min, max, 0, 0, 0, -1, -1, true, true, seed, false);
    }

    @Test
    void relaysBothWaysIntactAndPassesOnEachHalfClose() throws IOException {
        Link link = link(LinkOptions.none());
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        byte[] up = bytes(1, 3_000_000);
        Thread writer = new Thread(() -> writeAll(client, up));
        writer.start();
        assertArrayEquals(up, readExactly(far, up.length));
        client.shutdownOutput();
        assertEquals(-1, far.read(ByteBuffer.allocate(1)), "the target sees b'' once the client shuts down");
        byte[] down = bytes(2, 100_000);
        writeAll(far, down);
        far.close();
        assertArrayEquals(down, readExactly(client, down.length));
        assertEquals(-1, client.read(ByteBuffer.allocate(1)));
        assertTrue(link.rows("t").get(1).get(4).startsWith("3000000B/"), link.rows("t").toString());
        assertTrue(link.rows("t").get(1).get(5).startsWith("100000B/"), link.rows("t").toString());
    }

    @Test
    void oneReadTakesExactlyOneSeededPieceAndTheSameSeedCutsTheSame() throws IOException {
        byte[] sent = bytes(3, 30_000);
        List<Integer> first = pieces(sliced(1000, 5000, 42), sent);
        assertEquals(first, pieces(sliced(1000, 5000, 42), sent));
        assertTrue(new HashSet<>(first).size() >= 5, "pieces " + first);
        assertNotEquals(first, pieces(sliced(1000, 5000, 43), sent));
        SplittableRandom drawn = sliced(1000, 5000, 42).randomFor(0, Direction.DOWN);
        int left = sent.length;
        for (int piece : first) {
            assertEquals(Math.min(left, drawn.nextInt(1000, 5001)), piece);
            left -= piece;
        }
        assertEquals(0, left);
    }

    /**
     * A reader that is the shell's own socket is waited on by its count of bytes read, the
     * moment its recv returns (the kernel's tables would tell only once the acknowledgement is
     * back, which a reader's kernel may delay by 40 ms and more): here the test's reader keeps
     * such a count.
     */
    @Test
    void piecesOfOneToSevenBytesArriveOneAReadToAReaderThatCountsWhatItRead() throws IOException {
        byte[] sent = bytes(4, 20_000);
        AtomicLong read = new AtomicLong();
        List<Integer> sizes = pieces(sliced(1, 7, 9), sent, (local, remote) -> Optional.of(read::get), read);
        SplittableRandom drawn = sliced(1, 7, 9).randomFor(0, Direction.DOWN);
        int left = sent.length;
        for (int piece : sizes) {
            assertEquals(Math.min(left, drawn.nextInt(1, 8)), piece);
            left -= piece;
        }
    }

    /** The sizes of the reads a reader with a big buffer makes of {@code sent}, which the target writes and closes. */
    private List<Integer> pieces(LinkOptions options, byte[] sent) throws IOException {
        return pieces(options, sent, Readers.NONE, new AtomicLong());
    }

    private List<Integer> pieces(LinkOptions options, byte[] sent, Readers readers, AtomicLong read) throws IOException {
        Link link = Link.open("t", (InetSocketAddress) server.getLocalAddress(), options, readers, () -> false);
        opened.add(link::close);
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        writeAll(far, sent);
        far.close();
        List<Integer> sizes = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(1_000_000);
        int n;
        while ((n = client.read(buffer)) > 0) {
            sizes.add(n);
            read.addAndGet(n);
        }
        buffer.flip();
        byte[] got = new byte[buffer.remaining()];
        buffer.get(got);
        assertArrayEquals(sent, got);
        return sizes;
    }

    /**
     * The pieces the link wrote of {@code sent} (which the target writes and closes), with its
     * own timestamps, once the reader has read them all: the impairments that hold and pace
     * pieces are checked against those, never against a clock of the test's.
     */
    private List<Pump.Piece> written(LinkOptions options, byte[] sent) throws IOException {
        Link link = Link.open("t", (InetSocketAddress) server.getLocalAddress(), options, Readers.NONE, () -> true);
        opened.add(link::close);
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        writeAll(far, sent);
        far.close();
        ByteBuffer buffer = ByteBuffer.allocate(sent.length + 1);
        while (client.read(buffer) > 0) {
            assertTrue(buffer.hasRemaining(), "more bytes than were sent");
        }
        assertEquals(sent.length, buffer.position());
        List<Pump.Piece> pieces = link.connection(0).pump(Direction.DOWN).delivered();
        assertEquals(sent.length, pieces.get(pieces.size() - 1).end(), pieces.toString());
        return pieces;
    }

    @Test
    void aDelayHoldsEveryPieceAtLeastThatLong() throws IOException {
        List<Pump.Piece> pieces = written(new LinkOptions(100, 300, 20, 0, 0, -1, -1, false, true, 5, false),
                bytes(6, 3000));
        assertTrue(pieces.size() >= 10, pieces.toString());
        for (Pump.Piece piece : pieces) {
            assertTrue(piece.writtenNanos() - piece.readyNanos() >= TimeUnit.MILLISECONDS.toNanos(20), piece.toString());
        }
    }

    /** Each piece's hold is the delay and a part of the jitter drawn after its size, from the seed. */
    @Test
    void aJitterAddsASeededPartToEachHold() throws IOException {
        LinkOptions options = new LinkOptions(200, 400, 5, 30, 0, -1, -1, false, true, 7, false);
        byte[] sent = bytes(7, 4000);
        List<Pump.Piece> pieces = written(options, sent);
        SplittableRandom drawn = options.randomFor(0, Direction.DOWN);
        Set<Integer> jitters = new HashSet<>();
        long left = sent.length;
        for (Pump.Piece piece : pieces) {
            assertEquals(Math.min(left, drawn.nextInt(200, 401)), piece.size());
            left -= piece.size();
            int jitter = drawn.nextInt(31);
            jitters.add(jitter);
            assertTrue(piece.writtenNanos() - piece.readyNanos() >= TimeUnit.MILLISECONDS.toNanos(5 + jitter),
                    piece + " jitter " + jitter);
        }
        assertEquals(0, left);
        assertTrue(jitters.size() >= 3, "jitters " + jitters);
    }

    /** By --rate, no piece is written before the bytes ahead of it could have gone at that rate from the first. */
    @Test
    void aRateKeepsEveryPieceWithinIt() throws IOException {
        long rate = 20_000;
        List<Pump.Piece> pieces = written(new LinkOptions(500, 1000, 0, 0, rate, -1, -1, false, true, 3, false),
                bytes(8, 10_000));
        assertTrue(pieces.size() >= 10, pieces.toString());
        long first = pieces.get(0).readyNanos();
        for (int i = 1; i < pieces.size(); i++) {
            long ahead = pieces.get(i - 1).end();
            assertTrue(pieces.get(i).writtenNanos() - first >= (long) (ahead * 1e9 / rate),
                    "piece " + pieces.get(i) + " after " + ahead + " bytes");
        }
    }

    @Test
    void aLimitClosesThatDirectionHalfway() throws IOException {
        Link link = link(new LinkOptions(0, 0, 0, 0, 0, 1000, -1, false, true, 0, false));
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        byte[] sent = bytes(5, 3000);
        writeAll(far, sent);
        byte[] got = readToEnd(client);
        assertEquals(1000, got.length);
        assertArrayEquals(java.util.Arrays.copyOf(sent, 1000), got);
        writeAll(client, bytes(6, 2000));
        assertEquals(2000, readExactly(far, 2000).length, "the other direction still goes");
    }

    @Test
    void aResetAfterResetsBothEndsOnceTheBytesAreTaken() throws IOException {
        Link link = link(new LinkOptions(0, 0, 0, 0, 0, -1, 500, false, true, 0, false));
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        writeAll(far, bytes(7, 2000));
        assertEquals(500, readExactly(client, 500).length);
        SocketException reset = assertThrows(SocketException.class, () -> client.read(ByteBuffer.allocate(10)));
        assertEquals("Connection reset", reset.getMessage());
        assertTrue(link.rows("t").get(1).get(3).startsWith("reset after 500 bytes down"), link.rows("t").toString());
    }

    @Test
    void aRefusedTargetClosesTheClientsConnectionAndSaysWhy() throws IOException {
        InetSocketAddress nobody = (InetSocketAddress) server.getLocalAddress();
        server.close();
        Link link = Link.open("t", nobody, LinkOptions.none(), Readers.NONE, () -> false);
        opened.add(link::close);
        SocketChannel client = connect(link);
        assertEquals(-1, client.read(ByteBuffer.allocate(10)));
        assertEquals("refused (ConnectionRefusedError)", link.rows("t").get(1).get(3));
    }

    @Test
    void closingMidTransferEndsBothEndsWithBEmpty() throws IOException {
        Link link = link(sliced(10, 10, 1));
        SocketChannel client = connect(link);
        SocketChannel far = accept();
        writeAll(far, bytes(8, 1000));
        assertEquals(10, client.read(ByteBuffer.allocate(1000)));
        link.close();
        assertEquals(-1, client.read(ByteBuffer.allocate(1000)));
        assertTrue(drainsToEnd(far));
        assertEquals("closed", link.rows("t").get(0).get(3));
        assertEquals(List.of(), link.close(), "closing again does nothing");
    }

    @Test
    void onlyLoopbackTargets() {
        assertEquals(new InetSocketAddress("127.0.0.1", 80), Link.target("localhost", 80));
        assertEquals(new InetSocketAddress("127.0.0.2", 80), Link.target("127.0.0.2", 80));
        assertEquals(new InetSocketAddress("::1", 80), Link.target("::1", 80));
        for (String elsewhere : List.of("10.0.0.1", "example.com", "8.8.8.8", "::ffff:10.0.0.1", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Link.target(elsewhere, 80));
            assertTrue(refused.getMessage().startsWith("a link relays on this machine only"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Link.target("127.0.0.1", 0));
    }

    @Test
    void badOptionValuesAreOneLineEach() {
        for (String[] bad : new String[][] {{"0", null, null}, {"9..3", null, null}, {"x", null, null}, {"70000", null, null},
            {null, "-1", null}, {null, "1x", null}, {null, null, "-5"}}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> LinkOptions.parse(bad[0], null, null, bad[1], bad[2], null, false, false, 1L));
            assertTrue(!refused.getMessage().contains("\n") && refused.getMessage().startsWith("--"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> LinkOptions.parse(null, -1, null, null, null, null, false, false, 1L));
        LinkOptions parsed = LinkOptions.parse("1..7", 5, null, "10k/s", "2M", null, false, true, 3L);
        assertEquals("--slice 1..7 --delay 5 --rate 10000 --limit 2000000 --down --seed 3", parsed.describe());
        assertTrue(LinkOptions.parse("5", null, null, null, null, null, false, false, null).seedChosen());
    }

    @Test
    void aThousandConnectionsAtOnceAllRelayedIntact() throws IOException {
        Link link = link(LinkOptions.none());
        int count = 1000;
        List<SocketChannel> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel client = connect(link);
            writeAll(client, ByteBuffer.allocate(4).putInt(i).array());
            clients.add(client);
        }
        Map<Integer, SocketChannel> farEnds = new HashMap<>();
        for (int i = 0; i < count; i++) {
            SocketChannel far = accept();
            farEnds.put(ByteBuffer.wrap(readExactly(far, 4)).getInt(), far);
        }
        assertEquals(count, farEnds.size());
        for (int i = 0; i < count; i++) {
            writeAll(farEnds.get(i), bytes(i, 1000));
        }
        for (int i = 0; i < count; i++) {
            assertArrayEquals(bytes(i, 1000), readExactly(clients.get(i), 1000), "connection " + i);
        }
        assertEquals(count, link.connectionCount());
        link.close();
        for (SocketChannel client : clients) {
            assertEquals(-1, client.read(ByteBuffer.allocate(1)));
        }
    }

    private static boolean drainsToEnd(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        int n;
        while ((n = channel.read(buffer)) >= 0) {
            buffer.clear();
            if (n == 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] bytes(long seed, int length) {
        byte[] data = new byte[length];
        new SplittableRandom(seed).nextBytes(data);
        return data;
    }

    static void writeAll(SocketChannel channel, byte[] data) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    static byte[] readExactly(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    static byte[] readToEnd(SocketChannel channel) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (channel.read(buffer) >= 0) {
            all.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return all.toByteArray();
    }
}
