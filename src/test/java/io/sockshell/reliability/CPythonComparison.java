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
 * of appearance ({@code ('127.0.0.1', P1)}), and so are the AF_UNIX abstract names Linux
 * chooses ({@code A1}).
 */
final class CPythonComparison {
    private static final Pattern PORT = Pattern.compile("(?<=', )\\d+(?=[,)])");
    /**
     * An AF_UNIX abstract name Linux chose for {@code bind u ""} (or an autobind): NUL and five hex
     * digits, as CPython shows it. Random, so only where it appears is compared, not its digits.
     */
    private static final Pattern CHOSEN_NAME = Pattern.compile("b'\\\\x00[0-9a-f]{5}'");

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
        Map<String, String> shellNames = new LinkedHashMap<>();
        Map<String, String> pythonNames = new LinkedHashMap<>();
        for (int step : program.markedSteps()) {
            String ours = named(CHOSEN_NAME, "A", namePorts(shell.get(step - 1), shellPorts), shellNames);
            String theirs = named(CHOSEN_NAME, "A", namePorts(python.getOrDefault(step, ""), pythonPorts), pythonNames);
            if (!ours.equals(theirs)) {
                return new Difference(session, step, lines.get(step - 1), ours, theirs, lines.subList(0, step - 1),
                        shell.subList(0, step - 1));
            }
        }
        return null;
    }

    /** Runs {@code lines} both ways; the first difference, or null. Every line must have its export: one without is not compared. */
    static Difference run(List<String> lines) {
        PythonExport.Program program = PythonExport.ofLines("comparison", lines);
        if (!program.unexported().isEmpty()) {
            throw new AssertionError("steps with no export, so not compared: " + program.unexported());
        }
        PythonJudge.Outputs python = PythonJudge.run(program, 60);
        if (!python.problems().isEmpty()) {
            throw new AssertionError("python3 failed: " + python.problems());
        }
        return compare(0, lines, shell(lines), program, python.byStep());
    }

    /** Each port in an address tuple named P1, P2, ... in order of appearance. */
    static String namePorts(String text, Map<String, String> names) {
        return named(PORT, "P", text, names);
    }

    /** Each match of {@code pattern} named {@code prefix}1, 2, ... in order of appearance, the same text the same name. */
    private static String named(Pattern pattern, String prefix, String text, Map<String, String> names) {
        Matcher found = pattern.matcher(text);
        StringBuilder named = new StringBuilder();
        while (found.find()) {
            found.appendReplacement(named, names.computeIfAbsent(found.group(), unused -> prefix + (names.size() + 1)));
        }
        return found.appendTail(named).toString();
    }
}
