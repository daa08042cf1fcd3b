package io.sockshell.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * File names as CPython converts them on Linux ({@code os.fsdecode}, {@code os.fsencode}):
 * UTF-8 with the {@code surrogateescape} error handler, so that any bytes make a str and that
 * str gives the same bytes back. A byte that is not part of valid UTF-8 becomes the lone
 * surrogate U+DC80 + byte ({@code b'\xff'} is {@code '\udcff'}), which Java's own decoders
 * would turn into U+FFFD and lose.
 */
public final class FsNames {
    private static final int ESCAPE_BASE = 0xDC00;

    private FsNames() {
    }

    /** The name as {@code os.fsdecode} makes it. */
    public static String fsdecode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (ESCAPE_BASE + Byte.toUnsignedInt(in.get())));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * The bytes {@code os.fsencode} makes of the name: an escaped byte (U+DC80 to U+DCFF) as
     * itself, the rest UTF-8.
     */
    public static byte[] fsencode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length());
        int runStart = 0;
        for (int i = 0; i < name.length(); i++) {
            if (isEscapedByte(name, i)) {
                out.writeBytes(name.substring(runStart, i).getBytes(StandardCharsets.UTF_8));
                out.write(name.charAt(i) - ESCAPE_BASE);
                runStart = i + 1;
            }
        }
        out.writeBytes(name.substring(runStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The bytes {@code os.fsencode} makes of a str given as code points, or CPython's
     * {@code UnicodeEncodeError} for a surrogate that is not an escaped byte. CPython's encoder
     * takes the run of surrogates that starts at the first one it meets, writes the escaped bytes
     * at its start, and reports the rest of the run, by code point.
     */
    public static byte[] fsencode(int[] str) throws SockError {
        ByteArrayOutputStream out = new ByteArrayOutputStream(str.length);
        for (int i = 0; i < str.length; i++) {
            if (!isSurrogate(str[i])) {
                out.writeBytes(new String(Character.toChars(str[i])).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int end = i + 1;
            while (end < str.length && isSurrogate(str[end])) {
                end++;
            }
            while (i < end && str[i] >= ESCAPE_BASE + 0x80 && str[i] <= ESCAPE_BASE + 0xFF) {
                out.write(str[i++] - ESCAPE_BASE);
            }
            if (i < end) {
                throw SockError.plain("UnicodeEncodeError", "'utf-8' codec can't encode " + (end - i == 1
                        ? String.format("character '\\u%04x' in position %d", str[i], i)
                        : "characters in position " + i + "-" + (end - 1)) + ": surrogates not allowed");
            }
            i = end - 1;
        }
        return out.toByteArray();
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** Whether the name holds a byte that is not UTF-8 (escaped), which only its bytes can say. */
    public static boolean hasEscapedBytes(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (isEscapedByte(name, i)) {
                return true;
            }
        }
        return false;
    }

    /** A lone U+DC80 to U+DCFF: the same chars after a high surrogate are half of a character above U+FFFF. */
    private static boolean isEscapedByte(String name, int at) {
        char c = name.charAt(at);
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF && (at == 0 || !Character.isHighSurrogate(name.charAt(at - 1)));
    }
}
