package io.sockshell.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An immutable byte string whose {@link #toString()} is CPython's {@code repr(bytes)}. */
public final class PyBytes {
    public static final PyBytes EMPTY = new PyBytes(new byte[0]);

    private final byte[] data;

    private PyBytes(byte[] data) {
        this.data = data;
    }

    /** Wraps without copying; the caller hands the array over. */
    public static PyBytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new PyBytes(data);
    }

    public static PyBytes copyOf(byte[] data, int offset, int length) {
        return wrap(Arrays.copyOfRange(data, offset, offset + length));
    }

    public static PyBytes ascii(String text) {
        return wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static PyBytes utf8(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte byteAt(int index) {
        return data[index];
    }

    public byte[] toArray() {
        return data.clone();
    }

    /** A read-only view for writing to a channel, without copying. */
    public java.nio.ByteBuffer asReadOnlyBuffer() {
        return java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    public PyBytes concat(PyBytes other) {
        if (other.isEmpty()) {
            return this;
        }
        byte[] joined = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, joined, data.length, other.data.length);
        return wrap(joined);
    }

    public PyBytes repeat(int times) {
        if (times <= 0 || data.length == 0) {
            return EMPTY;
        }
        long total = (long) data.length * times;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("repeated data too large: " + total + " bytes");
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(data, 0, out, 0, data.length);
        // Doubling what is already filled takes log2(times) copies instead of one per repeat.
        for (int filled = data.length; filled < out.length; filled *= 2) {
            System.arraycopy(out, 0, out, filled, Math.min(filled, out.length - filled));
        }
        return wrap(out);
    }

    public PyBytes slice(int from, int to) {
        return copyOf(data, from, to - from);
    }

    public String decodeLatin1() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PyBytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return PyRepr.bytes(data, 0, data.length);
    }
}
