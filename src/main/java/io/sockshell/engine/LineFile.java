package io.sockshell.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code socket.makefile(mode)} returns: a buffered file over the socket. Reads pull
 * 8192-byte chunks (Python's buffer size), so bytes past the line stay in this buffer, not in
 * the socket: the tutorial's reason never to mix {@code recv} with a file on one socket. In
 * text mode lines come back as {@link String} with universal newlines, otherwise as
 * {@link PyBytes}; writes are buffered until {@link #flush()} or {@link #close()}.
 * Text mode decodes each chunk as it arrives, as Python's {@code TextIOWrapper} does, so a
 * bad byte is reported with its position in the chunk, even if it lies past the line asked for.
 */
public final class LineFile {
    private static final int CHUNK = 8192;

    private final Sock socket;
    private final String mode;
    private final boolean readable;
    private final boolean writable;
    private final boolean textMode;
    /** The BufferedWriter's buffer. */
    private final ByteArrayOutputStream pendingWrites = new ByteArrayOutputStream();
    /** Text mode: TextIOWrapper's encoded text not yet handed to the buffer. */
    private final ByteArrayOutputStream pendingText = new ByteArrayOutputStream();
    /** A read from the socket timed out: CPython's SocketIO refuses every read after that. */
    private boolean timedOut;
    private byte[] readBuffer = new byte[0];
    /** Text mode: decoded text not yet handed out, newlines already translated. */
    private final StringBuilder text = new StringBuilder();
    /** Text mode: the start of a UTF-8 sequence that the next chunk completes. */
    private byte[] undecoded = new byte[0];
    /** Text mode: a CR that ended the last chunk; whether it is half of a CRLF is not known yet. */
    private boolean pendingCr;
    private boolean atEof;
    private boolean closed;

    public LineFile(Sock socket, String mode) throws SockError {
        if (!validMode(mode)) {
            throw SockError.valueError("invalid mode " + PyRepr.str(mode) + " (only r, w, b allowed)");
        }
        this.socket = socket;
        this.mode = mode;
        this.readable = mode.indexOf('r') >= 0 || mode.indexOf('w') < 0;
        this.writable = mode.indexOf('w') >= 0;
        this.textMode = mode.indexOf('b') < 0;
    }

    /** CPython's socket.makefile checks only that the mode's letters are among r, w and b. */
    private static boolean validMode(String mode) {
        for (char c : mode.toCharArray()) {
            if ("rwb".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    public Sock socket() {
        return socket;
    }

    public String mode() {
        return mode.isEmpty() ? "r" : mode;
    }

    public boolean isText() {
        return textMode;
    }

    public boolean isClosed() {
        return closed;
    }

    /** One line, ending in a newline unless the peer closed first; empty at end of stream. */
    public synchronized Object readline() throws SockError {
        check(Operation.READLINE);
        while (true) {
            int end = lineEnd();
            if (end >= 0) {
                return take(end);
            }
            if (atEof) {
                decodeLeftoverAtEof();
                return take(available());
            }
            if (!fill()) {
                return take(available());
            }
        }
    }

    public synchronized List<Object> readlines() throws SockError {
        check(Operation.LINES);
        if (!readable) {
            throw unsupported(textMode ? "not readable" : "read");
        }
        List<Object> lines = new ArrayList<>();
        while (true) {
            Object line = readline();
            if (line instanceof String s ? s.isEmpty() : ((PyBytes) line).isEmpty()) {
                return lines;
            }
            lines.add(line);
        }
    }

    /**
     * Up to {@code size} bytes (characters in text mode, counted as bytes here); all if negative.
     * On a nonblocking socket with nothing more to read now it returns what it has, as CPython's
     * files do: a binary file with nothing returns None (null here), and a text file asked for
     * everything fails, as TextIOWrapper does when its buffer gives it None.
     */
    public synchronized Object read(int size) throws SockError {
        check(Operation.READ);
        while (!atEof && (size < 0 || available() < size)) {
            if (!fill()) {
                if (available() > 0) {
                    return take(size < 0 ? available() : Math.min(size, available()));
                }
                if (!textMode) {
                    return null;
                }
                if (size < 0) {
                    throw SockError.plain("TypeError", "can't concat NoneType to bytes");
                }
                return take(0);
            }
        }
        if (atEof && (size < 0 || available() < size)) {
            decodeLeftoverAtEof();
        }
        return take(size < 0 ? available() : Math.min(size, available()));
    }

    /** Buffers {@code data}; returns how many bytes (code points in text mode) were taken. */
    public synchronized int write(PyBytes data) throws SockError {
        check(Operation.WRITE);
        byte[] bytes = data.toArray();
        if (!textMode) {
            buffered(bytes);
            return bytes.length;
        }
        String text = decode(bytes);
        // TextIOWrapper: its pending text goes to the buffer before it would pass 8192 bytes,
        // and as soon as it reaches them.
        if (pendingText.size() + bytes.length > CHUNK) {
            flushText();
        }
        pendingText.write(bytes, 0, bytes.length);
        if (pendingText.size() >= CHUNK) {
            flushText();
        }
        return text.codePointCount(0, text.length());
    }

    public synchronized void writelines(List<PyBytes> lines) throws SockError {
        check(Operation.LINES);
        if (!writable) {
            throw unsupported(textMode ? "not writable" : "write");
        }
        for (PyBytes line : lines) {
            write(line);
        }
    }

    /** Sends every buffered byte; what a failed send did not take stays buffered. */
    public synchronized void flush() throws SockError {
        check(Operation.FLUSH);
        flushText();
        flushBuffer();
    }

    /**
     * Flushes and closes the file; the socket stays open, as in Python. The file is closed
     * even when the flush fails, and then the flush's error is raised.
     */
    public synchronized void close() throws SockError {
        if (closed) {
            return;
        }
        try {
            if (writable && !socket.isClosed()) {
                flushText();
                flushBuffer();
            }
        } finally {
            closed = true;
        }
    }

    /** BufferedWriter.write: data that fits waits in the buffer; else the buffer goes, then all but the last 8192 bytes or fewer. */
    private void buffered(byte[] bytes) throws SockError {
        if (pendingWrites.size() + bytes.length <= CHUNK) {
            pendingWrites.write(bytes, 0, bytes.length);
            return;
        }
        flushBuffer();
        int written = 0;
        while (bytes.length - written > CHUNK) {
            written += socket.send(PyBytes.wrap(java.util.Arrays.copyOfRange(bytes, written, bytes.length)));
        }
        pendingWrites.write(bytes, written, bytes.length - written);
    }

    private void flushText() throws SockError {
        if (pendingText.size() > 0) {
            byte[] text = pendingText.toByteArray();
            pendingText.reset();
            buffered(text);
        }
    }

    private void flushBuffer() throws SockError {
        byte[] pending = pendingWrites.toByteArray();
        int written = 0;
        try {
            while (written < pending.length) {
                written += socket.send(PyBytes.wrap(java.util.Arrays.copyOfRange(pending, written, pending.length)));
            }
        } finally {
            pendingWrites.reset();
            pendingWrites.write(pending, written, pending.length - written);
        }
    }

    /** Bytes (characters, in text mode) read from the socket but not yet handed out. */
    public synchronized int buffered() {
        return available();
    }

    private int available() {
        return textMode ? text.length() : readBuffer.length;
    }

    /**
     * Reads one chunk from the socket; false when it is nonblocking and has nothing now (where
     * CPython's SocketIO returns None, which its files take as "no more for now").
     */
    private boolean fill() throws SockError {
        if (timedOut) {
            throw SockError.plain("OSError", "cannot read from timed out object");
        }
        PyBytes chunk;
        try {
            chunk = socket.recv(CHUNK);
        } catch (SockError e) {
            if (e.isWouldBlock()) {
                return false;
            }
            timedOut = e.pythonClass().equals("TimeoutError");
            throw e;
        }
        if (chunk.isEmpty()) {
            atEof = true;
            if (textMode) {
                decodeChunk(new byte[0], true);
            }
            return true;
        }
        if (textMode) {
            decodeChunk(chunk.toArray(), false);
            return true;
        }
        byte[] grown = new byte[readBuffer.length + chunk.length()];
        System.arraycopy(readBuffer, 0, grown, 0, readBuffer.length);
        System.arraycopy(chunk.toArray(), 0, grown, readBuffer.length, chunk.length());
        readBuffer = grown;
        return true;
    }

    /**
     * Decodes one chunk as Python's incremental UTF-8 decoder and newline translation do: an
     * unfinished sequence waits for the next chunk, a trailing CR waits to see whether an LF
     * follows. A bad byte fails the whole chunk, which is then gone, and so is the text the
     * failing read had decoded but not returned (Python had set it aside in the failed call);
     * the unfinished sequence and the pending CR from before stay, as in Python's decoders.
     */
    private void decodeChunk(byte[] chunk, boolean last) throws SockError {
        byte[] input = new byte[undecoded.length + chunk.length];
        System.arraycopy(undecoded, 0, input, 0, undecoded.length);
        System.arraycopy(chunk, 0, input, undecoded.length, chunk.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input);
        CharBuffer out = CharBuffer.allocate(input.length + 1);
        CoderResult result = decoder.decode(in, out, last);
        if (result.isError()) {
            text.setLength(0);
            throw decodeError(input, in.position());
        }
        if (last) {
            decoder.flush(out);
        }
        undecoded = new byte[in.remaining()];
        in.get(undecoded);
        out.flip();
        StringBuilder piece = new StringBuilder(out.length() + 1);
        if (pendingCr) {
            piece.append('\r');
            pendingCr = false;
        }
        piece.append(out);
        if (!last && piece.length() > 0 && piece.charAt(piece.length() - 1) == '\r') {
            piece.setLength(piece.length() - 1);
            pendingCr = true;
        }
        text.append(piece.toString().replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** An unfinished UTF-8 sequence at end of stream fails every read that reaches it, as in Python. */
    private void decodeLeftoverAtEof() throws SockError {
        if (textMode && undecoded.length > 0) {
            decodeChunk(new byte[0], true);
        }
    }

    /** Index just past the first line ending, or -1. */
    private int lineEnd() {
        if (textMode) {
            int newline = text.indexOf("\n");
            return newline < 0 ? -1 : newline + 1;
        }
        for (int i = 0; i < readBuffer.length; i++) {
            if (readBuffer[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private Object take(int count) {
        if (textMode) {
            String taken = text.substring(0, count);
            text.delete(0, count);
            return taken;
        }
        byte[] taken = new byte[count];
        System.arraycopy(readBuffer, 0, taken, 0, count);
        byte[] rest = new byte[readBuffer.length - count];
        System.arraycopy(readBuffer, count, rest, 0, rest.length);
        readBuffer = rest;
        return PyBytes.wrap(taken);
    }

    private static String decode(byte[] bytes) throws SockError {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (MalformedInputException e) {
            throw decodeError(bytes, in.position());
        } catch (CharacterCodingException e) {
            throw SockError.plain("UnicodeDecodeError", "'utf-8' codec can't decode: " + e.getMessage());
        }
    }

    /** CPython's message for the ill-formed UTF-8 sequence starting at {@code position} in {@code bytes}. */
    private static SockError decodeError(byte[] bytes, int position) {
        return SockError.plain("UnicodeDecodeError", "'utf-8' codec can't decode " + malformed(bytes, position));
    }

    /**
     * CPython's account of the ill-formed sequence at {@code start}: the bytes it spans (the lead
     * byte and the continuation bytes valid so far) and why it stops. Java's decoder finds the
     * same start but may count a surrogate or an out-of-range sequence as three bytes where
     * CPython counts one.
     */
    private static String malformed(byte[] bytes, int start) {
        int lead = bytes[start] & 0xff;
        int continuations;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            continuations = 1;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            continuations = 2;
            low = lead == 0xe0 ? 0xa0 : low;
            high = lead == 0xed ? 0x9f : high;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            continuations = 3;
            low = lead == 0xf0 ? 0x90 : low;
            high = lead == 0xf4 ? 0x8f : high;
        } else {
            return span(bytes, start, 1) + ": invalid start byte";
        }
        for (int i = 1; i <= continuations; i++) {
            if (start + i >= bytes.length) {
                return span(bytes, start, i) + ": unexpected end of data";
            }
            int next = bytes[start + i] & 0xff;
            if (next < low || next > high) {
                return span(bytes, start, i) + ": invalid continuation byte";
            }
            low = 0x80;
            high = 0xbf;
        }
        throw new IllegalStateException("the decoder refused a well-formed sequence at " + start);
    }

    private static String span(byte[] bytes, int start, int length) {
        return length == 1 ? String.format("byte 0x%02x in position %d", bytes[start] & 0xff, start)
                : String.format("bytes in position %d-%d", start, start + length - 1);
    }

    /** The calls a file takes, each refused in the words of the Python object the mode makes. */
    private enum Operation { READ, READLINE, WRITE, FLUSH, LINES }

    /**
     * Refuses a call the file cannot take, with CPython's words. A text file (TextIOWrapper)
     * checks that it is open first; the binary ones check the direction first for read and
     * write, and name the call in their closed-file message: a BufferedRWPair peeks for a line.
     * readlines and writelines are IOBase's, which checks that the file is open (their callers
     * then check the direction).
     */
    private void check(Operation operation) throws SockError {
        if (textMode || operation == Operation.LINES) {
            if (closed) {
                throw SockError.valueError("I/O operation on closed file.");
            }
            if ((operation == Operation.READ || operation == Operation.READLINE) && !readable) {
                throw unsupported("not readable");
            }
            if (operation == Operation.WRITE && !writable) {
                throw unsupported("not writable");
            }
            return;
        }
        switch (operation) {
            case READ, READLINE -> {
                if (!readable) {
                    throw unsupported("read");
                }
                if (closed) {
                    throw SockError.valueError((operation == Operation.READ ? "read" : writable ? "peek" : "readline")
                            + " of closed file");
                }
            }
            case WRITE -> {
                if (!writable) {
                    throw unsupported("write");
                }
                if (closed) {
                    throw SockError.valueError("write to closed file");
                }
            }
            default -> {
                if (closed) {
                    throw SockError.valueError(writable ? "flush of closed file" : "I/O operation on closed file.");
                }
            }
        }
    }

    private static SockError unsupported(String message) {
        return SockError.plain("io.UnsupportedOperation", message);
    }
}
