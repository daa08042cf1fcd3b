package io.sockshell.transcript;

import java.nio.file.Path;

/**
 * A transcript that cannot be used as written: a malformed line, a capture used before it is
 * bound, a missing file or party. The message is {@code file:line: one sentence}.
 */
public final class TranscriptError extends Exception {
    private final Path file;
    private final int line;

    public TranscriptError(Path file, int line, String sentence) {
        super(file + (line > 0 ? ":" + line : "") + ": " + sentence);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
