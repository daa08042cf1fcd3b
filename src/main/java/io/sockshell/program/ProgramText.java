package io.sockshell.program;

import io.sockshell.engine.PyRepr;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A program's output as text safe to print: UTF-8, with what a terminal would act on escaped
 * as Python's {@code repr} escapes it ({@code \x1b}, {@code \r}, {@code \t}, {@code \u202e}),
 * bytes that are not UTF-8 as {@code \xff} (Python's backslashreplace), and line breaks kept.
 * Peer data is hostile, and a program's output is peer data.
 */
final class ProgramText {
    private ProgramText() {
    }

    /** The text of {@code taken}, ending with a line break unless empty, and a line counting what was dropped. */
    static String of(OutputPipe.Taken taken) {
        StringBuilder out = new StringBuilder(taken.bytes().length + 16);
        decode(taken.bytes(), out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (taken.dropped() > 0) {
            out.append("[... ").append(taken.dropped()).append(" more bytes not shown: a step shows at most ")
                    .append(OutputPipe.KEPT_BYTES).append("]\n");
        }
        return out.toString();
    }

    private static void decode(byte[] bytes, StringBuilder out) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(Math.max(16, bytes.length));
        while (true) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            escape(chars, out);
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    PyRepr.appendEscapedCodePoint(out, in.get() & 0xff);
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
    }

    private static void escape(CharSequence text, StringBuilder out) {
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f || PyRepr.isUnprintable(c)) {
                PyRepr.appendEscapedCodePoint(out, c);
            } else {
                out.appendCodePoint(c);
            }
        });
    }
}
