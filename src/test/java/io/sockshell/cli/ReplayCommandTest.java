package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.replay.ReplayRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The command's options that golden files do not show: stepping, colour, and the jshell command. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayCommandTest {
    private static final String SCRIPT = "src/test/resources/replay/steps.jsh";

    @Test
    void stepRunsOneSnippetPerEnterAndQuitsOnQ() {
        ReplayRun run = ReplayRun.of(List.of("--step", "--color=never", SCRIPT), "\n\n\n\nq\n");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("\none\n"), run.out());
        assertTrue(run.out().contains("\ntwo\n"), run.out());
        assertFalse(run.out().contains("\nthree\n"), run.out());
        assertTrue(run.out().contains("6> print(\"three\");\n[steps.jsh:6] Enter: run it"), run.out());
        assertEquals(5, run.out().split("Enter: run it", -1).length - 1, run.out());
    }

    @Test
    void anEnterTypedWhileAStepRanEndsTheNextPromptsLineInsteadOfGluingOutputToIt() {
        ReplayRun run = ReplayRun.typedAhead(List.of("--step", "--color=never", SCRIPT), "\n\n\n\nq\n");
        assertEquals(0, run.status(), run.transcript());
        List<String> prompts = run.out().lines().filter(line -> line.contains("Enter: run it")).toList();
        assertEquals(5, prompts.size(), run.out());
        for (String prompt : prompts.subList(0, 4)) {
            assertTrue(prompt.endsWith("q: quit > "), "the step's output goes on a line of its own: " + run.out());
        }
        assertTrue(prompts.get(4).endsWith("q: quit > q"), run.out());
        assertTrue(run.out().contains("\none\n"), run.out());
    }

    @Test
    void aServerReplayedAloneSaysWhichPortItListensOn() {
        ReplayRun run = ReplayRun.of(List.of("--color=never", "--wait", "0.5", "jshell-scripts/tms.jsh", "0"), "");
        List<String> lines = run.out().lines().toList();
        int listen = lines.indexOf("30> s.listen(1);");
        assertTrue(listen > 0, run.out());
        assertTrue(lines.get(listen + 1).matches("-- listening on port \\d+"), run.out());
        int port = Integer.parseInt(lines.get(listen + 1).replaceAll("\\D", ""));
        assertTrue(run.out().contains("laddr=('127.0.0.1', " + port + ")"), run.out());
    }

    @Test
    void stepRunsTheRestOnC() {
        ReplayRun run = ReplayRun.of(List.of("--step", "--color=never", SCRIPT), "\nc\n");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("\nthree\n"), run.out());
        assertEquals(2, run.out().split("Enter: run it", -1).length - 1, run.out());
    }

    @Test
    void colourHighlightsCodeOnlyWhenAsked() {
        ReplayRun colored = ReplayRun.of(List.of("--color=always", SCRIPT), "");
        assertTrue(colored.out().contains("\u001b[1;34mvar\u001b[0m"), colored.out());
        ReplayRun plain = ReplayRun.of(List.of("--color=never", SCRIPT), "");
        assertFalse(plain.out().contains("\u001b["), plain.out());
    }

    @Test
    void longValuesAreCutWithTheirWholeLength() {
        ReplayRun run = ReplayRun.of(List.of("--color=never", "src/test/resources/replay/long-values.jsh"), "");
        assertEquals(0, run.status(), run.transcript());
        assertTrue(run.out().contains("\ndata ==> b'" + "x".repeat(198) + "... (1003 characters in all)\n"), run.out());
        assertTrue(run.out().contains("\nword ==> \"" + "y".repeat(199) + "... (302 characters in all)\n"), run.out());
        // A value naming JShell's own classes is shown as JShell cleans it: without those names.
        String named = run.out().lines().filter(line -> line.startsWith("named ==> ")).findFirst().orElseThrow();
        assertTrue(named.startsWith("named ==> [Named@") && named.endsWith(" characters in all)"), named);
        assertFalse(named.contains("REPL"), named);
    }

    @Test
    void jshellCommandImportsTheFacadeAndRunsLocally() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String typed = "var s = socket(AF_INET, SOCK_STREAM)\n"
                + "var here = ProcessHandle.current().pid()\n"
                + "/exit\n";
        JshellCommand command = new JshellCommand(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        int status = new CommandLine(command).execute();
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, shown);
        assertTrue(shown.startsWith("sockshell: the Python-style facade is imported"), shown);
        assertTrue(shown.contains("s ==> <socket.socket family=AF_INET, type=SOCK_STREAM"), shown);
        assertTrue(shown.contains("here ==> " + ProcessHandle.current().pid()), shown);
    }
}
