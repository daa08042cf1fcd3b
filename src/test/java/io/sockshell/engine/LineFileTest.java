package io.sockshell.engine;

import static io.sockshell.engine.Loopback.assertRaises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** makefile: lines instead of piecing bytes together by hand (sections 5.1 and 5.2). */
@Timeout(10)
class LineFileTest {
    private final Loopback net = new Loopback();
    private Sock writer;
    private Sock reader;

    @BeforeEach
    void connect() throws Exception {
        Loopback.Pair pair = net.pair();
        writer = pair.client();
        reader = pair.server();
        reader.settimeout(5.0);
        writer.settimeout(5.0);
    }

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    private LineFile file(Sock sock, String mode) throws SockError {
        return net.adopt(sock.makefile(mode));
    }

    private void sendAndFinish(String... pieces) throws SockError {
        for (String piece : pieces) {
            writer.sendall(PyBytes.utf8(piece));
        }
        writer.shutdown(ShutdownHow.SHUT_WR);
    }

    @Test
    void readlineReturnsWholeLinesWhateverPiecesTheyWereSentIn() throws Exception {
        LineFile f = file(reader, "r");
        writer.sendall(PyBytes.ascii("li"));
        writer.sendall(PyBytes.ascii("ne1\nline"));
        writer.sendall(PyBytes.ascii("2\n"));
        assertEquals("line1\n", f.readline());
        assertEquals("line2\n", f.readline());
    }

    @Test
    void readlineAtTheEndReturnsTheUnfinishedLineAndThenTheEmptyString() throws Exception {
        LineFile f = file(reader, "r");
        sendAndFinish("done\npart");
        assertEquals("done\n", f.readline());
        assertEquals("part", f.readline());
        assertEquals("", f.readline());
        assertEquals("", f.readline());
    }

    @Test
    void textModeTurnsCrLfAndLoneCrIntoNewlinesEvenAcrossChunks() throws Exception {
        LineFile f = file(reader, "r");
        writer.sendall(PyBytes.ascii("a\r"));
        net.awaitReadable(reader);
        assertEquals("a\n", readlineAfter(f, "\nb\rc\r\n"));
        assertEquals("b\n", f.readline());
        assertEquals("c\n", f.readline());
    }

    /** Lets readline take what is in the socket and wait for more, then sends {@code more}. */
    private Object readlineAfter(LineFile f, String more) throws Exception {
        Loopback.Background<Object> line = net.background(f::readline);
        line.awaitBlocked();
        writer.sendall(PyBytes.ascii(more));
        return line.get();
    }

    @Test
    void binaryModeKeepsCarriageReturnsAndReturnsBytes() throws Exception {
        LineFile f = file(reader, "rb");
        sendAndFinish("a\r\nb\rc\n");
        assertFalse(f.isText());
        assertEquals(PyBytes.ascii("a\r\n"), f.readline());
        assertEquals(PyBytes.ascii("b\rc\n"), f.readline());
        assertEquals(PyBytes.EMPTY, f.readline());
    }

    @Test
    void readlinesReadsUntilThePeerCloses() throws Exception {
        LineFile f = file(reader, "r");
        sendAndFinish("x\n", "y\n", "z");
        assertEquals(List.of("x\n", "y\n", "z"), f.readlines());
    }

    @Test
    void readOfASizeWaitsForThatManyCharactersAndReadOfMinusOneForTheEnd() throws Exception {
        LineFile f = file(reader, "r");
        sendAndFinish("héllo", " wörld");
        assertEquals("héllo", f.read(5));
        assertEquals(" wörld", f.read(-1));
        assertEquals("", f.read(10));
    }

    @Test
    void writesAreBufferedUntilFlush() throws Exception {
        LineFile w = file(writer, "w");
        assertEquals(6, w.write(PyBytes.utf8("hello\n")));
        assertEquals(6, w.write(PyBytes.utf8("wörld\n")), "text mode counts characters");
        reader.setblocking(false);
        assertRaises("BlockingIOError: [Errno 11] Resource temporarily unavailable", () -> reader.recv(100));
        w.flush();
        reader.settimeout(5.0);
        LineFile r = file(reader, "rb");
        assertEquals(PyBytes.ascii("hello\n"), r.readline());
        assertEquals(PyBytes.utf8("wörld\n"), r.readline());
    }

    @Test
    void binaryWritesCountBytesAndWritelinesWritesEachLine() throws Exception {
        LineFile w = file(writer, "wb");
        assertEquals(7, w.write(PyBytes.utf8("wörld\n")));
        w.writelines(List.of(PyBytes.ascii("a\n"), PyBytes.ascii("b\n")));
        w.close();
        writer.shutdown(ShutdownHow.SHUT_WR);
        assertEquals(PyBytes.utf8("wörld\na\nb\n"), Loopback.recvAll(reader, 100));
    }

    @Test
    void closingTheFileFlushesItAndLeavesTheSocketOpen() throws Exception {
        LineFile w = file(writer, "w");
        w.write(PyBytes.ascii("flushed\n"));
        w.close();
        assertTrue(w.isClosed());
        assertFalse(writer.isClosed());
        assertEquals(PyBytes.ascii("flushed\n"), reader.recv(100));
        w.close();
    }

    /** The tutorial's warning: the file reads ahead, so a recv after readline misses those bytes. */
    @Test
    void theFileReadsAheadSoBytesPastTheLineAreInTheFileNotInTheSocket() throws Exception {
        LineFile f = file(reader, "rb");
        writer.sendall(PyBytes.ascii("first\nsecond\n"));
        assertEquals(PyBytes.ascii("first\n"), f.readline());
        assertEquals(7, f.buffered());
        reader.setblocking(false);
        assertRaises("BlockingIOError: [Errno 11] Resource temporarily unavailable", () -> reader.recv(100));
        assertEquals(PyBytes.ascii("second\n"), f.readline());
    }

    @Test
    void aBadUtf8ByteFailsTheReadWithCPythonsMessageAndTheChunkIsLost() throws Exception {
        LineFile f = file(reader, "r");
        writer.sendall(PyBytes.wrap(new byte[] {'o', 'k', '\n', (byte) 0xff, '\n'}));
        writer.shutdown(ShutdownHow.SHUT_WR);
        assertRaises("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte",
                f::readline);
        assertEquals("", f.readline());
    }

    @Test
    void aUtf8SequenceSplitAcrossChunksIsDecodedWhole() throws Exception {
        LineFile f = file(reader, "r");
        writer.sendall(PyBytes.wrap(new byte[] {'c', 'a', 'f', (byte) 0xc3}));
        net.awaitReadable(reader);
        Loopback.Background<Object> line = net.background(f::readline);
        line.awaitBlocked();
        writer.sendall(PyBytes.wrap(new byte[] {(byte) 0xa9, '\n'}));
        assertEquals("café\n", line.get());
    }

    @Test
    void modesOtherThanRWAndBRaiseValueError() throws Exception {
        assertRaises("ValueError: invalid mode 'x' (only r, w, b allowed)", () -> reader.makefile("x"));
        assertRaises("ValueError: invalid mode 'rt' (only r, w, b allowed)", () -> reader.makefile("rt"));
        assertEquals("rr", reader.makefile("rr").mode());
        assertEquals("r", reader.makefile("").mode());
        assertTrue(reader.makefile("rwb").socket() == reader);
    }

    @Test
    void readingAWriteOnlyFileOrWritingAReadOnlyOneRaisesUnsupportedOperation() throws Exception {
        LineFile w = file(writer, "w");
        LineFile r = file(reader, "r");
        assertRaises("io.UnsupportedOperation: not readable", w::readline);
        assertRaises("io.UnsupportedOperation: not writable", () -> r.write(PyBytes.ascii("x")));
    }

    @Test
    void aClosedFileRaisesValueErrorOnEveryCall() throws Exception {
        LineFile f = file(reader, "rw");
        f.close();
        assertRaises("ValueError: I/O operation on closed file.", f::readline);
        assertRaises("ValueError: I/O operation on closed file.", () -> f.write(PyBytes.ascii("x")));
        assertRaises("ValueError: I/O operation on closed file.", f::flush);
    }

    @Test
    void aFileOnAClosedSocketIsMadeButItsFirstReadRaisesBadFileDescriptor() throws Exception {
        reader.close();
        LineFile f = file(reader, "rb");
        assertRaises("OSError: [Errno 9] Bad file descriptor", f::readline);
    }

    /** The tutorial's svr.py and wps.py: lines written through makefile('w'), read with readlines. */
    @Test
    void linesWrittenThroughOneFileAreReadBackThroughAnother() throws Exception {
        LineFile out = file(writer, "w");
        for (String line : List.of("USER TTY\n", "root pts/0\n", "tutorial pts/1\n")) {
            out.write(PyBytes.utf8(line));
        }
        out.close();
        writer.close();
        assertEquals(List.of("USER TTY\n", "root pts/0\n", "tutorial pts/1\n"), file(reader, "r").readlines());
    }
}
