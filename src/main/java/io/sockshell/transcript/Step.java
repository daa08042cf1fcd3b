package io.sockshell.transcript;

import java.util.ArrayList;
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
 * @param backendOutputs what the command prints instead on a named backend ({@code %backend NAME}
 *                       blocks below its output), in file order
 */
record Step(int number, int line, String party, CommandTemplate command, List<ExpectedLine> expected,
        int expectedFrom, double timeoutSeconds, String pythonSkip, List<String> comments, boolean interrupted,
        List<BackendOutput> backendOutputs) {

    /**
     * The output a command prints instead on one backend: the lines below a {@code %backend
     * NAME} line.
     *
     * @param backend       the backend's name
     * @param directiveLine 1-based line of the {@code %backend} line
     * @param expected      the expected output lines
     */
    record BackendOutput(String backend, int directiveLine, List<ExpectedLine> expected) {
        /** 0-based index of the first expected line in the file. */
        int expectedFrom() {
            return directiveLine;
        }
    }

    /** This step with one more {@code %backend} block. */
    Step withBackendOutput(BackendOutput output) {
        List<BackendOutput> more = new ArrayList<>(backendOutputs);
        more.add(output);
        return new Step(number, line, party, command, expected, expectedFrom, timeoutSeconds, pythonSkip, comments,
                interrupted, List.copyOf(more));
    }

    /**
     * The step as a run on {@code backend} checks it: the output of its {@code %backend} block
     * for that backend in place of its own, where it has one.
     */
    Step on(String backend) {
        for (BackendOutput output : backendOutputs) {
            if (output.backend().equals(backend)) {
                return new Step(number, line, party, command, output.expected(), output.expectedFrom(), timeoutSeconds,
                        pythonSkip, comments, interrupted, backendOutputs);
            }
        }
        return this;
    }

    /** 0-based index just past the last of its blocks: where a {@code %backend} block below it would start. */
    int blocksEnd() {
        if (backendOutputs.isEmpty()) {
            return expectedTo();
        }
        BackendOutput last = backendOutputs.get(backendOutputs.size() - 1);
        return last.expectedFrom() + last.expected().size();
    }

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
