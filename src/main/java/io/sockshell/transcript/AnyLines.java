package io.sockshell.transcript;

/** {@code ...} on a line of its own: any number of output lines, none included. */
record AnyLines(String source, int line) implements ExpectedLine {
    static final String MARK = "...";
}
