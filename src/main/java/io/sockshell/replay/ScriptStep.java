package io.sockshell.replay;

import java.util.List;

/**
 * One step of a script: a snippet for JShell, a jshell command such as {@code /exit}, or the
 * unfinished text at the end of a script that stops mid-snippet.
 *
 * @param line the script line where the code starts (after its comment)
 * @param comment the comment lines just before the code, as written
 * @param code the code as written, shown to the learner
 * @param source what JShell evaluates: the code, with any semicolon JShell's analysis added
 */
record ScriptStep(Kind kind, int line, List<String> comment, String code, String source) {
    enum Kind { SNIPPET, COMMAND, UNFINISHED }

    /** The script line of a line within {@link #source}, counting from 1. */
    int scriptLine(int sourceLine) {
        return line + sourceLine - 1;
    }

    List<String> codeLines() {
        return List.of(code.split("\n", -1));
    }
}
