package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sockshell diagram} as a user calls it: on a plain script, a transcript that stops, a replay pair, and bad usage. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiagramCommandTest {
    @TempDir
    Path folder;

    private record Ran(int status, String out, String err) {
    }

    private static Ran sockshell(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int status = line.execute(arguments);
        return new Ran(status, out.toString(), err.toString());
    }

    @Test
    void aPlainScriptIsRunAndDrawn() throws IOException {
        Path script = folder.resolve("pair.txt");
        Files.writeString(script, String.join("\n", "socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c",
                "connect c localhost s.port", "accept s conn", "send c \"hi\"", "recv conn 10", "close c conn s", ""));
        Ran ran = sockshell("diagram", "-w", "80", script.toString());
        assertEquals(0, ran.status(), ran.err());
        List<String> lines = ran.out().lines().toList();
        assertEquals("  s                            conn                    c", lines.get(0));
        assertTrue(ran.out().contains("connect localhost:PORT"), ran.out());
        assertTrue(ran.out().contains("send 2 B b'hi'"), ran.out());
        assertTrue(lines.stream().allMatch(line -> line.length() <= 80), ran.out());
    }

    @Test
    void aTranscriptThatStopsIsDrawnUpToWhereItStopped() throws IOException {
        Path transcript = folder.resolve("stuck.t");
        Files.writeString(transcript, String.join("\n", "%party server", "%party client", "%timeout 1",
                "server> socket s", "server> bind s 127.0.0.1 0", "server> listen s 1", "server> accept s conn",
                "client> socket c", ""));
        Ran ran = sockshell("diagram", "-w", "100", transcript.toString());
        assertEquals(1, ran.status(), ran.out() + ran.err());
        List<String> lines = ran.out().lines().toList();
        int accept = indexOf(lines, "accept ✗ KeyboardInterrupt");
        int stopped = indexOf(lines, "stopped here: line 7: step 4 (server> accept s conn) did not finish");
        assertEquals(accept + 1, stopped, ran.out());
    }

    @Test
    void aReplayPairShowsBothProgramsAndTheWaits() throws IOException {
        Path svg = folder.resolve("echo.svg");
        Ran ran = sockshell("diagram", "--format", "svg", "-o", svg.toString(), "jshell-scripts/tms.jsh", "0",
                "jshell-scripts/tmc.jsh", "127.0.0.1", "PORT", "abc", "--input=tms:");
        assertEquals(0, ran.status(), ran.out() + ran.err());
        String drawn = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(drawn.contains(">tms</text>") && drawn.contains(">tmc</text>"), "both programs are parties");
        assertTrue(drawn.contains("accept (blocks)") && drawn.contains("recv 1000000 (blocks)"), drawn);
        assertTrue(drawn.contains("jshell-scripts/tms.jsh#L"), "line numbers link back to the script");
    }

    @Test
    void badUsageSaysWhyInOneLine() {
        Ran none = sockshell("diagram");
        assertEquals(2, none.status());
        assertEquals("sockshell diagram: give a transcript, a script, or .jsh scripts to replay (or --docs)\n", none.err());
        Ran format = sockshell("diagram", "--format", "png", "transcripts/echo-pair.t");
        assertEquals(2, format.status());
        assertEquals("sockshell diagram: format must be text, mermaid, svg or html, not 'png'\n", format.err());
        Ran missing = sockshell("diagram", "no-such-file.t");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("sockshell diagram: no-such-file.t"), missing.err());
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "' in\n" + String.join("\n", lines));
    }
}
