package io.sockshell.transcript;

import java.util.List;
import java.util.Map;

/**
 * A step as a program that exports the transcript sees it: who runs which command, where the
 * command uses captures, and how to find again the captures its output binds.
 *
 * @param number         1-based position among the transcript's steps
 * @param line           1-based line of the command
 * @param party          who runs it
 * @param command        the command as written, captures included
 * @param pieces         the command cut at its captures: literal text at even indexes, a capture's
 *                       name at odd ones
 * @param pythonSkip     why an export to Python leaves the step out ({@code %python skip REASON}),
 *                       or null
 * @param bindings       each capture the step's output binds, with a Python regular expression
 *                       of the line that binds it: the capture is the named group
 * @param comments       the comment lines written above the step, each starting with {@code #}; an
 *                       empty line stands for the blank line between two paragraphs
 */
public record ExportStep(int number, int line, String party, String command, List<String> pieces, String pythonSkip,
        Map<String, String> bindings, List<String> comments) {
    public ExportStep {
        pieces = List.copyOf(pieces);
        comments = List.copyOf(comments);
        bindings = bindings.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
    }

    /** How the step reads in the file: {@code client> recv c 1024}. */
    public String display() {
        return party + "> " + command;
    }
}
