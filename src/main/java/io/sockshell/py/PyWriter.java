package io.sockshell.py;

import io.sockshell.py.spi.RunningProgram;
import java.util.List;

/** {@code sys.stdout}: the program's output, as a file to write text to. */
public final class PyWriter {
    private final RunningProgram program;

    PyWriter(RunningProgram program) {
        this.program = program;
    }

    public void write(String text) {
        program.write(text);
    }

    /** Writes each line as it is; like Python, it adds no newlines. */
    public void writelines(List<String> lines) {
        for (String line : lines) {
            program.write(line);
        }
    }

    /** Nothing to do: output is never held back. Here so code written for Python reads the same. */
    public void flush() {
    }
}
