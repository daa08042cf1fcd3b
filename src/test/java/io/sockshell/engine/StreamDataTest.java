package io.sockshell.engine;

import static io.sockshell.engine.Loopback.assertRaises;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP is one byte stream: what recv and send really do with the bytes. */
@Timeout(10)
class StreamDataTest {
    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    /** The tutorial's tms.py and tmc.py: the server echoes 10000 copies of what it got. */
    @Test
    void tutorialEchoServerSends10000CopiesAndTheClientReadsExactly30000BytesUntilEmpty() throws Exception {
        Sock listener = net.listener();
        Loopback.Background<PyBytes> server = net.background(() -> {
            Sock conn = net.adopt(listener.accept().socket());
            conn.settimeout(5.0);
            PyBytes data = conn.recv(1000000);
            conn.sendall(data.repeat(10000));
            conn.close();
            return data;
        });
        Sock client = net.tcp();
        client.settimeout(5.0);
        client.connect(Loopback.HOST, Loopback.port(listener));
        assertEquals(3, client.send(PyBytes.ascii("abc")));
        PyBytes all = PyBytes.EMPTY;
        int recvs = 0;
        while (true) {
            PyBytes chunk = client.recv(1000000);
            recvs++;
            if (chunk.isEmpty()) {
                break;
            }
            all = all.concat(chunk);
        }
        assertEquals(PyBytes.ascii("abc"), server.get());
        assertEquals(30000, all.length());
        assertEquals(PyBytes.ascii("abc").repeat(10000), all);
        assertEquals(30000, client.info().bytesReceived());
        assertEquals(recvs, client.info().recvCalls());
    }

    /** sendall keeps large data in native memory between calls; what arrives must still be what was sent. */
    @Test
    void largeSendallsRepeatedOrChangedArriveExactlyAsSent() throws Exception {
        Loopback.Pair pair = net.pair();
        PyBytes first = PyBytes.ascii("a").repeat(100_000);
        PyBytes second = PyBytes.ascii("b").repeat(100_000);
        Loopback.Background<PyBytes> sender = net.background(() -> {
            pair.client().settimeout(5.0);
            pair.client().sendall(first);
            pair.client().sendall(first);
            pair.client().sendall(second);
            pair.client().shutdown(ShutdownHow.SHUT_WR);
            return PyBytes.EMPTY;
        });
        pair.server().settimeout(5.0);
        PyBytes all = PyBytes.EMPTY;
        for (PyBytes chunk = pair.server().recv(65536); !chunk.isEmpty(); chunk = pair.server().recv(65536)) {
            all = all.concat(chunk);
        }
        sender.get();
        assertEquals(300_000, all.length());
        assertTrue(first.concat(first).concat(second).equals(all), "the bytes differ from what was sent");
    }

    /**
     * On Linux a blocking send returns only once every byte is queued, however small the
     * buffers: CPython's s.send(8 MiB) to a reader returns 8388608, and so must the engine's.
     * The python3 program below shows the same number (PythonFidelityTest cannot: it has no reader).
     */
    @Test
    void aBlockingSendLargerThanTheBuffersSendsEverythingAsOnLinux() throws Exception {
        int size = 8 << 20;
        Loopback.Pair pair = net.pair();
        Loopback.Background<Long> reader = net.background(() -> {
            pair.server().settimeout(5.0);
            long total = 0;
            for (int got = pair.server().recvLength(65536); got > 0; got = pair.server().recvLength(65536)) {
                total += got;
            }
            return total;
        });
        assertEquals(size, pair.client().send(PyBytes.ascii("x").repeat(size)));
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertEquals(size, reader.get());
        assertEquals(Integer.toString(size), python3(String.join("\n",
                "import socket, threading",
                "lst = socket.socket(); lst.bind(('127.0.0.1', 0)); lst.listen(1)",
                "c = socket.create_connection(lst.getsockname()); a, _ = lst.accept()",
                "def drain():",
                "    while a.recv(65536):",
                "        pass",
                "t = threading.Thread(target=drain); t.start()",
                "print(c.send(b'x' * " + size + ")); c.close(); t.join()")));
    }

    /** A timed send writes once, when the socket can take something: it may be partial, as in CPython. */
    @Test
    void aTimedSendThatCannotFinishReturnsWhatItCouldSend() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().settimeout(0.5);
        int size = 64 << 20;
        int sent = pair.client().send(PyBytes.ascii("x").repeat(size));
        assertTrue(sent > 0 && sent < size, "sent " + sent);
    }

    private static String python3(String program) throws Exception {
        Process process = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, process.exitValue(), out);
        return out.strip();
    }

    @Test
    void recvLengthCountsTheBytesWithoutKeepingThemAndIsZeroAtTheEnd() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("abc").repeat(1000));
        pair.client().close();
        pair.server().settimeout(5.0);
        long total = 0;
        for (int got = pair.server().recvLength(1024); got > 0; got = pair.server().recvLength(1024)) {
            total += got;
        }
        assertEquals(3000, total);
        assertEquals(3000, pair.server().info().bytesReceived());
    }

    @Test
    void recvReturnsWhatIsThereNotWhatWasAskedFor() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().send(PyBytes.ascii("abc"));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.ascii("abc"), pair.server().recv(1000));
    }

    @Test
    void recvSmallerThanWhatIsThereLeavesTheRestForTheNextRecv() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("hello world"));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.ascii("hello"), pair.server().recv(5));
        assertEquals(PyBytes.ascii(" world"), pair.server().recv(100));
    }

    @Test
    void linesSentInPiecesArriveAsOneStreamWithoutMessageBoundaries() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("line1\nli"));
        pair.client().sendall(PyBytes.ascii("ne2\nline3"));
        pair.client().sendall(PyBytes.ascii("\n"));
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        pair.server().settimeout(5.0);
        PyBytes stream = PyBytes.EMPTY;
        int recvs = 0;
        while (true) {
            PyBytes chunk = pair.server().recv(4);
            if (chunk.isEmpty()) {
                break;
            }
            assertTrue(chunk.length() <= 4);
            stream = stream.concat(chunk);
            recvs++;
        }
        assertEquals(PyBytes.ascii("line1\nline2\nline3\n"), stream);
        assertTrue(recvs >= 5, "a 4-byte recv cannot return a whole 6-byte line");
    }

    @Test
    void everyByteValueArrivesUnchanged() throws Exception {
        Loopback.Pair pair = net.pair();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        pair.client().sendall(PyBytes.wrap(all.clone()));
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        pair.server().settimeout(5.0);
        assertArrayEquals(all, Loopback.recvAll(pair.server(), 100).toArray());
    }

    @Test
    void recvOfZeroReturnsEmptyBytesAndLeavesTheDataForTheNextRecv() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().send(PyBytes.ascii("kept"));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.EMPTY, pair.server().recv(0));
        assertEquals(PyBytes.ascii("kept"), pair.server().recv(10));
    }

    @Test
    void recvOfTheLargestIntIsAcceptedAndReturnsWhatIsThere() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().send(PyBytes.ascii("small"));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.ascii("small"), pair.server().recv(Integer.MAX_VALUE));
    }

    @Test
    void recvWithANegativeSizeRaisesValueError() throws Exception {
        Loopback.Pair pair = net.pair();
        assertRaises("ValueError: negative buffersize in recv", () -> pair.server().recv(-1));
        assertRaises("ValueError: negative buffersize in recvfrom", () -> pair.server().recvfrom(-1));
    }

    @Test
    void recvAfterThePeerShutsDownWritingReturnsEmptyBytesEveryTime() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.EMPTY, pair.server().recv(100));
        assertEquals(PyBytes.EMPTY, pair.server().recv(100));
        assertEquals(3, pair.server().send(PyBytes.ascii("yes")), "the other direction still works");
        pair.client().settimeout(5.0);
        assertEquals(PyBytes.ascii("yes"), pair.client().recv(100));
    }

    @Test
    void dataSentBeforeCloseIsAllReadBeforeTheEmptyBytes() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("the tail end"));
        pair.client().close();
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("the tail end"), Loopback.recvAll(pair.server(), 3));
    }

    @Test
    void recvfromOnAConnectedStreamReturnsTheDataAndNone() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().send(PyBytes.ascii("hi"));
        net.awaitReadable(pair.server());
        Datagram got = pair.server().recvfrom(10);
        assertEquals(PyBytes.ascii("hi"), got.data());
        assertNull(got.from());
        assertEquals("(b'hi', None)", got.pythonRepr());
    }

    @Test
    void sendtoOnAConnectedStreamSendsToThePeerWhateverAddressItIsGiven() throws Exception {
        Loopback.Pair pair = net.pair();
        assertEquals(2, pair.client().sendto(PyBytes.ascii("to"), Loopback.HOST, 9));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.ascii("to"), pair.server().recv(10));
    }

    @Test
    void sendOfEmptyBytesOnAConnectedSocketReturnsZero() throws Exception {
        Loopback.Pair pair = net.pair();
        assertEquals(0, pair.client().send(PyBytes.EMPTY));
        pair.client().sendall(PyBytes.EMPTY);
    }

    /**
     * Section 4 of the tutorial: send takes what fits. With small buffers and nobody reading, a
     * nonblocking send returns less than it was given, and then raises EAGAIN.
     */
    @Test
    void nonblockingSendTakesOnlyWhatFitsInFullBuffersThenRaisesBlockingIOError() throws Exception {
        Loopback.Pair pair = smallBufferPair();
        Sock client = pair.client();
        client.setblocking(false);
        PyBytes chunk = PyBytes.ascii("z").repeat(256 * 1024);
        boolean partial = false;
        long total = 0;
        SockError full = null;
        for (int i = 0; i < 1000 && full == null; i++) {
            try {
                int sent = client.send(chunk);
                assertTrue(sent > 0 && sent <= chunk.length());
                partial |= sent < chunk.length();
                total += sent;
            } catch (SockError e) {
                full = e;
            }
        }
        assertTrue(partial, "no send returned fewer bytes than it was given");
        assertEquals("BlockingIOError: [Errno 11] Resource temporarily unavailable",
                full == null ? "no BlockingIOError" : full.pythonLine());
        assertTrue(full.isWouldBlock());
        assertEquals(total, client.info().bytesSent());
    }

    @Test
    void nonblockingSendallRaisesBlockingIOErrorWhenTheBuffersFill() throws Exception {
        Loopback.Pair pair = smallBufferPair();
        pair.client().setblocking(false);
        assertRaises("BlockingIOError: [Errno 11] Resource temporarily unavailable",
                () -> pair.client().sendall(PyBytes.ascii("z").repeat(16 << 20)));
        assertTrue(pair.client().info().bytesSent() > 0, "sendall sent what fitted before it raised");
    }

    @Test
    void sendallWithATimeoutRaisesTimeoutErrorWhenNobodyReads() throws Exception {
        Loopback.Pair pair = smallBufferPair();
        pair.client().settimeout(0.2);
        assertRaises("TimeoutError: timed out", () -> pair.client().sendall(PyBytes.ascii("z").repeat(16 << 20)));
    }

    @Test
    void sendallOfSeveralMegabytesReachesAReaderOnAnotherThreadIntact() throws Exception {
        Loopback.Pair pair = net.pair();
        byte[] data = new byte[4 << 20];
        new Random(42).nextBytes(data);
        Loopback.Background<PyBytes> reader = net.background(() -> {
            pair.server().settimeout(5.0);
            return Loopback.recvAll(pair.server(), 1 << 16);
        });
        pair.client().sendall(PyBytes.wrap(data.clone()));
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertArrayEquals(data, reader.get().toArray());
        assertEquals(data.length, pair.client().info().bytesSent());
        assertEquals(data.length, pair.server().info().bytesReceived());
    }

    @Test
    void blockingSendallWaitsForAReaderThatDrainsFullBuffers() throws Exception {
        Loopback.Pair pair = smallBufferPair();
        PyBytes data = PyBytes.ascii("w").repeat(256 * 1024);
        Loopback.Background<Void> writer = net.background(() -> {
            pair.client().sendall(data);
            pair.client().shutdown(ShutdownHow.SHUT_WR);
            return null;
        });
        writer.awaitBlocked();
        pair.server().settimeout(5.0);
        assertEquals(data.length(), Loopback.recvAll(pair.server(), 1 << 16).length());
        writer.get();
    }

    /** A connected pair whose buffers are as small as the kernel allows. */
    private Loopback.Pair smallBufferPair() throws Exception {
        Sock listener = net.tcp();
        listener.setsockopt(SockOption.SO_RCVBUF, 4096);
        listener.bind(Loopback.HOST, 0);
        listener.listen(1);
        Sock client = net.tcp();
        client.setsockopt(SockOption.SO_SNDBUF, 4096);
        client.connect(Loopback.HOST, Loopback.port(listener));
        Sock server = net.adopt(listener.accept().socket());
        server.setsockopt(SockOption.SO_RCVBUF, 4096);
        return new Loopback.Pair(client, server, listener);
    }
}
