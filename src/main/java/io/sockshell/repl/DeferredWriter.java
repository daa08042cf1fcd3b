package io.sockshell.repl;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer whose destination is given after it is made: the shell's session is built while
 * the terminal it writes to is still being opened. Nothing may be written before then.
 */
final class DeferredWriter extends Writer {
    private volatile Writer target;

    void writeTo(Writer target) {
        this.target = Objects.requireNonNull(target);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        target().write(chars, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target().flush();
    }

    @Override
    public void close() throws IOException {
        target().close();
    }

    private Writer target() {
        Writer current = target;
        if (current == null) {
            throw new IllegalStateException("written to before the terminal was open");
        }
        return current;
    }
}
