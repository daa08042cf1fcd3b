package io.sockshell.py;

import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;
import io.sockshell.py.spi.RunningProgram;
import io.sockshell.py.spi.SockCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What {@code socket.makefile(mode)} returns, in text mode: lines in, lines out, with the
 * buffering of the engine's {@link LineFile}. Iterating gives one line at a time as it arrives,
 * which section 5.3 of the tutorial prefers to {@link #readlines()} (that one waits for the end).
 */
public final class PyFile implements Iterable<String>, AutoCloseable {
    private final LineFile file;
    private final RunningProgram program;
    private final PySocket socket;

    PyFile(LineFile file, RunningProgram program, PySocket socket) {
        this.file = file;
        this.program = program;
        this.socket = socket;
    }

    /** One line with its newline; {@code ""} once the peer has closed and everything is read. */
    public String readline() {
        return call("readline()", () -> (String) file.readline());
    }

    /** Every line until the peer closes. */
    public List<String> readlines() {
        return call("readlines()", () -> {
            List<String> lines = new ArrayList<>();
            for (Object line : file.readlines()) {
                lines.add((String) line);
            }
            return lines;
        });
    }

    /** Everything until the peer closes. */
    public String read() {
        return call("read()", () -> (String) file.read(-1));
    }

    /** Buffers {@code text}; it leaves with {@link #flush()} or {@link #close()}. */
    public int write(String text) {
        return call("write()", () -> file.write(PyBytes.utf8(text)));
    }

    public void writelines(List<String> lines) {
        for (String line : lines) {
            write(line);
        }
    }

    public void flush() {
        run("flush()", file::flush);
    }

    /**
     * Flushes and closes the file; the socket stays open, as in Python, unless it was closed
     * while this file was open and this is the last such file.
     */
    @Override
    public void close() {
        if (file.isClosed()) {
            return;
        }
        try {
            run("close()", file::close);
        } finally {
            if (file.isClosed()) {
                socket.fileClosed();
            }
        }
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = readline();
                }
                return !next.isEmpty();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
    }

    @Override
    public String toString() {
        return "<_io.TextIOWrapper mode=" + PyRepr.str(file.mode()) + " encoding='utf-8'"
                + (file.isClosed() ? " [closed]" : "") + ">";
    }

    private <T> T call(String name, SockCall<T> body) {
        return Programs.call(program, name, body);
    }

    private void run(String name, Programs.SockAction action) {
        Programs.run(program, name, action);
    }
}
