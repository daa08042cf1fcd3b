package io.sockshell.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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
 */
public final class LineFile {
    private static final int CHUNK = 8192;

    private final Sock socket;
    private final String mode;
    private final boolean readable;
    private final boolean writable;
    private final boolean text;
    private final ByteArrayOutputStream pendingWrites = new ByteArrayOutputStream();
    private byte[] readBuffer = new byte[0];
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
        this.text = mode.indexOf('b') < 0;
    }

    private static boolean validMode(String mode) {
        for (char c : mode.toCharArray()) {
            if ("rwb".indexOf(c) < 0 || mode.indexOf(c) != mode.lastIndexOf(c)) {
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
        return text;
    }

    public boolean isClosed() {
        return closed;
    }

    /** One line, ending in a newline unless the peer closed first; empty at end of stream. */
    public synchronized Object readline() throws SockError {
        ensureReadable();
        while (true) {
            int end = lineEnd();
            if (end >= 0) {
                return take(end);
            }
            if (atEof) {
                return take(readBuffer.length);
            }
            fill();
        }
    }

    public synchronized List<Object> readlines() throws SockError {
        ensureReadable();
        List<Object> lines = new ArrayList<>();
        while (true) {
            Object line = readline();
            if (line instanceof String s ? s.isEmpty() : ((PyBytes) line).isEmpty()) {
                return lines;
            }
            lines.add(line);
        }
    }

    /** Up to {@code size} bytes (characters in text mode, counted as bytes here); all if negative. */
    public synchronized Object read(int size) throws SockError {
        ensureReadable();
        while (!atEof && (size < 0 || readBuffer.length < size)) {
            fill();
        }
        return take(size < 0 ? readBuffer.length : Math.min(size, readBuffer.length));
    }

    /** Buffers {@code data}; returns how many bytes (characters in text mode) were taken. */
    public synchronized int write(PyBytes data) throws SockError {
        ensureWritable();
        byte[] bytes = data.toArray();
        pendingWrites.write(bytes, 0, bytes.length);
        return text ? decode(bytes).length() : bytes.length;
    }

    public synchronized void writelines(List<PyBytes> lines) throws SockError {
        for (PyBytes line : lines) {
            write(line);
        }
    }

    /** Sends every buffered byte with {@code sendall}. */
    public synchronized void flush() throws SockError {
        ensureOpen();
        if (pendingWrites.size() > 0) {
            PyBytes data = PyBytes.wrap(pendingWrites.toByteArray());
            pendingWrites.reset();
            socket.sendall(data);
        }
    }

    /** Flushes and closes the file; the socket stays open, as in Python. */
    public synchronized void close() throws SockError {
        if (closed) {
            return;
        }
        try {
            if (writable && !socket.isClosed()) {
                flush();
            }
        } finally {
            closed = true;
        }
    }

    /** Bytes read from the socket but not yet handed out. */
    public synchronized int buffered() {
        return readBuffer.length;
    }

    private void fill() throws SockError {
        PyBytes chunk = socket.recv(CHUNK);
        if (chunk.isEmpty()) {
            atEof = true;
            return;
        }
        byte[] grown = new byte[readBuffer.length + chunk.length()];
        System.arraycopy(readBuffer, 0, grown, 0, readBuffer.length);
        System.arraycopy(chunk.toArray(), 0, grown, readBuffer.length, chunk.length());
        readBuffer = grown;
    }

    /** Index just past the first line ending, or -1; a trailing CR waits for a possible LF in text mode. */
    private int lineEnd() {
        for (int i = 0; i < readBuffer.length; i++) {
            if (readBuffer[i] == '\n') {
                return i + 1;
            }
            if (text && readBuffer[i] == '\r') {
                if (i + 1 < readBuffer.length) {
                    return readBuffer[i + 1] == '\n' ? i + 2 : i + 1;
                }
                return atEof ? i + 1 : -1;
            }
        }
        return -1;
    }

    private Object take(int count) throws SockError {
        byte[] taken = new byte[count];
        System.arraycopy(readBuffer, 0, taken, 0, count);
        byte[] rest = new byte[readBuffer.length - count];
        System.arraycopy(readBuffer, count, rest, 0, rest.length);
        readBuffer = rest;
        if (!text) {
            return PyBytes.wrap(taken);
        }
        return decode(taken).replace("\r\n", "\n").replace('\r', '\n');
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
            throw SockError.plain("UnicodeDecodeError", "'utf-8' codec can't decode " + malformed(bytes, in.position()));
        } catch (CharacterCodingException e) {
            throw SockError.plain("UnicodeDecodeError", "'utf-8' codec can't decode: " + e.getMessage());
        }
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

    private void ensureOpen() throws SockError {
        if (closed) {
            throw SockError.valueError("I/O operation on closed file.");
        }
    }

    private void ensureReadable() throws SockError {
        ensureOpen();
        if (!readable) {
            throw SockError.plain("io.UnsupportedOperation", "not readable");
        }
    }

    private void ensureWritable() throws SockError {
        ensureOpen();
        if (!writable) {
            throw SockError.plain("io.UnsupportedOperation", "not writable");
        }
    }
}
