package io.sockshell.transcript;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command of a transcript and the output expected of it.
 *
 * @param number         1-based position among the transcript's steps
 * @param line           1-based line of the command
 * @param party          who runs it
 * @param command        the command after the prompt
 * @param expected       the expected output lines
 * @param expectedFrom   0-based index of the first expected line in the file
 * @param timeoutSeconds the bound on this step, or 0 for the runner's default
 * @param pythonSkip     why an export to Python leaves this step out ({@code %python skip}), or null
 * @param comments       the comment lines written since the step before it
 * @param interrupted    whether the step gets a Ctrl-C once it blocks ({@code %interrupt} above it)
 */
record Step(int number, int line, String party, CommandTemplate command, List<ExpectedLine> expected,
        int expectedFrom, double timeoutSeconds, String pythonSkip, List<String> comments, boolean interrupted) {

    /** 0-based index just past the expected block. */
    int expectedTo() {
        return expectedFrom + expected.size();
    }

    /** How the step reads in the file and in reports: {@code client> recv c 1024}. */
    String display() {
        return party + "> " + command.text();
    }

    ExportStep exportView() {
        if (expected.isEmpty()) {
            return new ExportStep(number, line, party, command.text(), command.pieces(), pythonSkip, Map.of(), comments);
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        for (ExpectedLine expectedLine : expected) {
            if (expectedLine instanceof MatchLine match) {
                for (String name : match.bindings()) {
                    bindings.put(name, match.pythonRegex());
                }
            }
        }
        return new ExportStep(number, line, party, command.text(), command.pieces(), pythonSkip, bindings, comments);
    }
}
