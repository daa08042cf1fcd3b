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
            int position = in.position();
            int bad = bytes[position] & 0xff;
            String reason = bad >= 0x80 && bad < 0xc2 || bad > 0xf4 ? "invalid start byte"
                    : position + e.getInputLength() >= bytes.length ? "unexpected end of data"
                    : "invalid continuation byte";
            throw SockError.plain("UnicodeDecodeError", String.format(
                    "'utf-8' codec can't decode byte 0x%02x in position %d: %s", bad, position, reason));
        } catch (CharacterCodingException e) {
            throw SockError.plain("UnicodeDecodeError", "'utf-8' codec can't decode: " + e.getMessage());
        }
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
