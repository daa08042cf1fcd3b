package io.sockshell.transcript;

/** One line of expected output as written in a transcript: a line to match, or {@code ...}. */
sealed interface ExpectedLine permits MatchLine, AnyLines {
    /** The line exactly as the file has it, so an update can keep it untouched. */
    String source();

    /** Its 1-based line number in the file. */
    int line();
}
