package io.sockshell.engine;

import java.io.ByteArrayOutputStream;

/** Reads the body of Python string and bytes literals (the text between the quotes). */
final class PyLiterals {
    private PyLiterals() {
    }

    static PyBytes bytes(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                if (c > 0x7f) {
                    throw new IllegalArgumentException("bytes can only contain ASCII literal characters");
                }
                out.write(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'x' -> {
                    out.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                default -> out.write(e);
            }
        }
        return PyBytes.wrap(out.toByteArray());
    }

    static String str(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'x' -> {
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
