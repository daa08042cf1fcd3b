package io.sockshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.transcript.shell.ShellParty;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The format as read: what parses into what, and malformed input in one sentence with file:line. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TranscriptFormatTest {
    private static final Path FILE = Path.of("t.t");

    private static Transcript parse(String... lines) throws TranscriptError {
        return Transcript.parse(FILE, String.join("\n", lines) + "\n");
    }

    private static String error(String... lines) {
        return assertThrows(TranscriptError.class, () -> parse(lines)).getMessage();
    }

    @Test
    void stepsTakeTheOutputLinesBelowThemUntilABlankLineOrComment() throws TranscriptError {
        Transcript transcript = parse(
                "# a comment",
                "sockshell> socket s",
                "sockshell> getsockname s",
                "('0.0.0.0', 0)",
                "",
                "sockshell> close s",
                "# not output");
        List<Step> steps = transcript.steps();
        assertEquals(3, steps.size());
        assertEquals(List.of(), steps.get(0).expected());
        assertEquals("('0.0.0.0', 0)", steps.get(1).expected().get(0).source());
        assertEquals(3, steps.get(1).line());
        assertEquals(List.of(), steps.get(2).expected());
        assertEquals(List.of(Transcript.DEFAULT_PARTY), List.copyOf(transcript.parties().keySet()));
        assertFalse(transcript.isPlainScript());
    }

    @Test
    void escapedLinesAreOutputNotStructure() throws TranscriptError {
        Transcript transcript = parse(
                "sockshell> help",
                "\\",
                "\\# not a comment",
                "\\%not a directive",
                "\\server> not a prompt",
                "\\...",
                "...");
        List<ExpectedLine> expected = transcript.steps().get(0).expected();
        assertEquals(6, expected.size());
        assertTrue(expected.subList(0, 5).stream().allMatch(line -> line instanceof MatchLine));
        assertTrue(expected.get(5) instanceof AnyLines);
        MatchLine blank = (MatchLine) expected.get(0);
        assertTrue(blank.compile(java.util.Map.of()).match("").isPresent());
        MatchLine dots = (MatchLine) expected.get(4);
        assertTrue(dots.compile(java.util.Map.of()).match("...").isPresent());
        assertFalse(dots.compile(java.util.Map.of()).match("anything").isPresent());
    }

    @Test
    void aFileWithoutPromptsIsAPlainScript() throws TranscriptError {
        Transcript script = parse("socket s", "# comment", "bind s \"\" 0");
        assertTrue(script.isPlainScript());
        assertEquals(2, script.stepCount());
        assertEquals("t.t: has no command lines; a transcript's commands start with a prompt, as in 'sockshell> socket s'",
                assertThrows(TranscriptError.class, script::requireCommands).getMessage());
    }

    @Test
    void unknownDirective() {
        assertEquals("t.t:2: unknown directive %parti (known: %party, %timeout, %interrupt, %file, %endfile, %leftovers, %python, %backend)",
                error("# x", "%parti server"));
    }

    @Test
    void aBackendBlockGivesWhatTheCommandAboveItPrintsOnThatBackend() throws TranscriptError {
        Transcript transcript = parse(
                "sockshell> socket a AF_UNIX",
                "sockshell> bind a \"\\0name\"",
                "%backend nio",
                "OSError: abstract AF_UNIX names need the posix backend [..]",
                "sockshell> getsockname a",
                "b'\\x00name'",
                "%backend nio",
                "''",
                "%backend other",
                "%backend third",
                "...");
        List<String> known = List.of("nio", "posix", "other", "third");
        Step bind = transcript.steps().get(1);
        assertEquals(List.of(), bind.expected());
        assertEquals(List.of(), transcript.on("posix", known).steps().get(1).expected());
        Step bindOnNio = transcript.on("nio", known).steps().get(1);
        assertEquals("OSError: abstract AF_UNIX names need the posix backend [..]", bindOnNio.expected().get(0).source());
        assertEquals(3, bindOnNio.expectedFrom());
        Step getsockname = transcript.steps().get(2);
        assertEquals("b'\\x00name'", getsockname.expected().get(0).source());
        assertEquals(getsockname, transcript.on("posix", known).steps().get(2));
        assertEquals("''", transcript.on("nio", known).steps().get(2).expected().get(0).source());
        assertEquals(List.of(), transcript.on("other", known).steps().get(2).expected());
        assertTrue(transcript.on("third", known).steps().get(2).expected().get(0) instanceof AnyLines);
        assertEquals(transcript.steps(), transcript.on("nio", List.of()).steps(), "a run told of no backend");
    }

    @Test
    void aBackendBlockStandsRightBelowACommandsOutput() {
        String below = " must stand right below a command's expected output: the lines below it are what that"
                + " command prints instead on the nio backend";
        assertEquals("t.t:1: %backend nio" + below, error("%backend nio", "sockshell> socket s"));
        assertEquals("t.t:4: %backend nio" + below, error("sockshell> getsockname s", "('0.0.0.0', 0)", "",
                "%backend nio", "''"));
        assertEquals("t.t:3: %backend nio" + below, error("sockshell> getsockname s", "# why", "%backend nio"));
        assertEquals("t.t:3: %backend nio" + below, error("sockshell> socket s", "%python skip no reason",
                "%backend nio", "sockshell> sockets"));
    }

    @Test
    void aBackendBlockIsNamedOnceAndBindsNoCapture() throws TranscriptError {
        assertEquals("t.t:2: %backend needs one backend name, as in %backend nio", error("sockshell> x", "%backend"));
        assertEquals("t.t:2: %backend needs one backend name, as in %backend nio", error("sockshell> x", "%backend nio posix"));
        assertEquals("t.t:2: %backend needs one backend name, as in %backend nio", error("sockshell> x", "%backend NIO"));
        assertEquals("t.t:4: %backend nio is given twice for the command at line 1 (the first at line 2)",
                error("sockshell> x", "%backend nio", "a", "%backend nio", "b"));
        assertEquals("t.t:4: a %backend block cannot bind a capture ([[port:...]]): on the other backends it would"
                + " have no value; bind it in the command's own output, or match it with a pattern",
                error("sockshell> getsockname s", "('0.0.0.0', [[p:\\d+]])", "%backend nio", "('0.0.0.0', [[port:\\d+]])"));
        Transcript usesACapture = parse("sockshell> getsockname s", "('0.0.0.0', [[p:\\d+]])", "%backend nio",
                "('127.0.0.1', [[p]])");
        assertEquals("t.t:3: %backend bsd names no backend (there are: nio, posix)", assertThrows(TranscriptError.class,
                () -> parse("sockshell> x", "a", "%backend bsd", "b").on("nio", List.of("nio", "posix"))).getMessage());
        assertEquals("('127.0.0.1', [[p]])", usesACapture.on("nio", List.of("nio")).steps().get(0).expected().get(0).source());
    }

    @Test
    void badRegex() {
        assertEquals("t.t:2: bad regular expression (Unclosed group)",
                error("sockshell> socket s", "[[port:(\\d+]]"));
        assertEquals("t.t:2: bad regular expression (Unclosed character class)",
                error("sockshell> socket s", "[a-z (re)"));
    }

    @Test
    void captureUsedBeforeItIsBound() {
        assertEquals("t.t:1: capture [[port]] is used before it is bound (bind it in earlier expected output,"
                + " as in [[port:\\d+]])", error("sockshell> connect c localhost [[port]]"));
        assertEquals("t.t:2: capture [[port]] is used before it is bound (bind it in earlier expected output,"
                + " as in [[port:\\d+]])", error("sockshell> getsockname s", "('0.0.0.0', [[port]])"));
    }

    @Test
    void captureBoundTwice() {
        assertEquals("t.t:4: capture 'port' is already bound at line 2; use [[port]] to match its value again",
                error("sockshell> getsockname s", "('0.0.0.0', [[port:\\d+]])", "sockshell> getsockname s",
                        "('0.0.0.0', [[port:\\d+]])"));
    }

    @Test
    void captureBoundInACommand() {
        assertEquals("t.t:1: capture [[p:...]] binds in a command; captures are bound in expected output and used"
                + " in commands as [[p]]", error("sockshell> bind s \"\" [[p:\\d+]]"));
    }

    @Test
    void malformedCapture() {
        assertEquals("t.t:2: malformed capture at column 1: write [[NAME]] to use a capture or [[NAME:REGEX]]"
                + " to bind one", error("sockshell> x", "[[1]]"));
        assertEquals("t.t:2: capture [[p:... at column 3 has no closing ]]", error("sockshell> x", "a [[p:\\d+"));
    }

    @Test
    void unterminatedFileBlock() {
        assertEquals("t.t:1: %file request.txt is not closed: its block needs a %endfile line",
                error("%file request.txt", "GET / HTTP/1.0", "sockshell> socket s"));
    }

    @Test
    void carriedFilesKeepTheirLines() throws TranscriptError {
        Transcript transcript = parse("%file a.txt", "one", "sockshell> two", "%endfile", "sockshell> socket s");
        assertEquals("one\nsockshell> two\n", transcript.files().get("a.txt"));
        assertEquals(1, transcript.stepCount());
    }

    @Test
    void undeclaredParty() {
        assertEquals("t.t:1: party 'server' is not declared; add '%party server' above the first command"
                + " (without %party lines the only party is 'sockshell')", error("server> socket s"));
        assertEquals("t.t:3: party 'clinet' is not declared (declared: server, client); add '%party clinet' above"
                + " the first command", error("%party server", "%party client", "clinet> socket s"));
        assertEquals("t.t:3: declare every party before the first command",
                error("%party server", "server> socket s", "%party client"));
    }

    @Test
    void outputWithoutACommand() {
        assertEquals("t.t:3: output line with no command above it (a blank line or comment ends a command's output;"
                + " write a blank output line as \\ and an output line that starts with # as \\#)",
                error("sockshell> help", "", "Commands:"));
    }

    @Test
    void badTimeout() {
        assertEquals("t.t:1: %timeout needs one positive number of seconds, as in %timeout 10",
                error("%timeout soon"));
    }

    @Test
    void somethingAfterTheLeftoversBlock() {
        assertEquals("t.t:5: only comments may follow the %leftovers block, which ends the transcript",
                error("sockshell> socket s", "%leftovers", "sockshell: socket s still open", "", "sockshell> x"));
    }

    @Test
    void missingFile() {
        assertEquals("no-such.t: no such file",
                assertThrows(TranscriptError.class, () -> Transcript.read(Path.of("no-such.t"))).getMessage());
    }

    @Test
    void unknownPartyKindIsReportedAtItsDeclaration() throws TranscriptError {
        Transcript transcript = parse("%party server", "%party keyboard jshell tms.jsh", "server> socket s");
        PartyKinds onlyShell = PartyKinds.none().with(Transcript.DEFAULT_KIND, ShellParty.kind());
        TranscriptRunner runner = new TranscriptRunner(onlyShell, 5);
        assertEquals("t.t:2: unknown party kind 'jshell' (known: shell)",
                assertThrows(TranscriptError.class, () -> runner.run(transcript)).getMessage());
    }

    @Test
    void literalsReadBackAsThemselves() throws TranscriptError {
        List<String> outputs = List.of("", "   ", "# hash", "%percent", "\\back", "...", "server> x", "a [[b]] c",
                "x [..] y", "ends (re)", "(1+1)*[2] $^|?{}.", "plain");
        for (String output : outputs) {
            String line = Literals.expectedLine(output);
            Transcript transcript = parse("sockshell> x", line);
            MatchLine read = (MatchLine) transcript.steps().get(0).expected().get(0);
            assertTrue(read.compile(java.util.Map.of()).match(output).isPresent(), () -> output + " as " + line);
        }
    }
}
