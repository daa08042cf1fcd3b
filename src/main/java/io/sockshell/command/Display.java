package io.sockshell.command;

import io.sockshell.engine.Datagram;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;
import java.util.Locale;

/**
 * Renders results as CPython's REPL prints them, except that long byte strings are shortened
 * to their start and length unless the user asks for them whole or as a hex dump.
 */
public final class Display {
    /** How received data is shown. */
    public enum DataStyle {
        SHORT, FULL, HEX;

        public static DataStyle parse(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** Data longer than this many bytes is shortened in the SHORT style. */
    public static final int SHORT_LIMIT = 64;

    private volatile DataStyle style = DataStyle.SHORT;

    public DataStyle style() {
        return style;
    }

    public void style(DataStyle style) {
        this.style = style;
    }

    /** A value in the session's style, or in {@code override} when a command asks for one. */
    public String render(Object value, DataStyle override) {
        DataStyle chosen = override == null ? style : override;
        if (value instanceof PyBytes bytes) {
            return bytes(bytes, chosen);
        }
        if (value instanceof Datagram datagram) {
            return "(" + bytes(datagram.data(), chosen) + ", "
                    + (datagram.from() == null ? "None" : datagram.from().pythonRepr()) + ")";
        }
        return PyRepr.of(value);
    }

    public String render(Object value) {
        return render(value, null);
    }

    static String bytes(PyBytes data, DataStyle style) {
        return switch (style) {
            case FULL -> data.toString();
            case HEX -> hexDump(data);
            case SHORT -> data.length() <= SHORT_LIMIT ? data.toString()
                    : data.slice(0, SHORT_LIMIT - 16) + "... (" + data.length() + " bytes)";
        };
    }

    /** The classic 16-bytes-a-row dump: offset, hex bytes, printable ASCII. */
    public static String hexDump(PyBytes data) {
        if (data.isEmpty()) {
            return "b''  (0 bytes)";
        }
        byte[] bytes = data.toArray();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < bytes.length; row += 16) {
            if (row > 0) {
                out.append('\n');
            }
            out.append(String.format("%08x  ", row));
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < bytes.length) {
                    int b = bytes[i] & 0xff;
                    out.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    out.append("   ");
                }
                if (i == row + 7) {
                    out.append(' ');
                }
            }
            out.append(" |").append(ascii).append('|');
        }
        return out.append("\n(").append(bytes.length).append(" bytes)").toString();
    }
}
