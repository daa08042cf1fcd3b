package io.sockshell.reliability;

import io.sockshell.export.PythonExport;
import io.sockshell.export.PythonJudge;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell lines run by sockshell (a {@link Session} on the backend in use) and, exported, by
 * python3; what each step printed is compared after the ephemeral ports are named in order
 * of appearance ({@code ('127.0.0.1', P1)}).
 */
final class CPythonComparison {
    private static final Pattern PORT = Pattern.compile("(?<=', )\\d+(?=[,)])");

    private CPythonComparison() {
    }

    /** A session's first step whose output differs, with the lines before it and what the shell printed for them. */
    record Difference(int session, int step, String line, String sockshell, String python, List<String> before,
            List<String> printedBefore) {
        String describe(long seed) {
            return "session #" + session + " (seed " + seed + ") step " + step + " '" + line + "': sockshell "
                    + quoted(sockshell) + ", python3 " + quoted(python);
        }

        private static String quoted(String text) {
            return "'" + text.strip().replace("\n", "\\n") + "'";
        }
    }

    /** What each line printed, in a session of its own. */
    static List<String> shell(List<String> lines) {
        StringWriter buffer = new StringWriter();
        PrintWriter writer = new PrintWriter(buffer, true);
        List<String> outputs = new ArrayList<>();
        try (Session session = new Session(writer, writer)) {
            for (String line : lines) {
                session.execute(line);
                writer.flush();
                outputs.add(buffer.toString());
                buffer.getBuffer().setLength(0);
            }
        }
        return outputs;
    }

    /** The first difference between the shell's outputs and python3's, or null when every exported step matches. */
    static Difference compare(int session, List<String> lines, List<String> shell, PythonExport.Program program,
            Map<Integer, String> python) {
        Map<String, String> shellPorts = new LinkedHashMap<>();
        Map<String, String> pythonPorts = new LinkedHashMap<>();
        for (int step : program.markedSteps()) {
            String ours = namePorts(shell.get(step - 1), shellPorts);
            String theirs = namePorts(python.getOrDefault(step, ""), pythonPorts);
            if (!ours.equals(theirs)) {
                return new Difference(session, step, lines.get(step - 1), ours, theirs, lines.subList(0, step - 1),
                        shell.subList(0, step - 1));
            }
        }
        return null;
    }

    /** Runs {@code lines} both ways; the first difference, or null. */
    static Difference run(List<String> lines) {
        PythonExport.Program program = PythonExport.ofLines("comparison", lines);
        PythonJudge.Outputs python = PythonJudge.run(program, 60);
        if (!python.problems().isEmpty()) {
            throw new AssertionError("python3 failed: " + python.problems());
        }
        return compare(0, lines, shell(lines), program, python.byStep());
    }

    /** Each port in an address tuple named P1, P2, ... in order of appearance. */
    static String namePorts(String text, Map<String, String> names) {
        Matcher port = PORT.matcher(text);
        StringBuilder named = new StringBuilder();
        while (port.find()) {
            port.appendReplacement(named, names.computeIfAbsent(port.group(), unused -> "P" + (names.size() + 1)));
        }
        return port.appendTail(named).toString();
    }
}
