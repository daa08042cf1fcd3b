package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.repl.Repl;
import io.sockshell.support.Keyboard;
import io.sockshell.support.TextSink;
import io.sockshell.support.Waits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run, check and record subcommands as a user calls them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliTest {
    private static final Path ECHO_PAIR = Path.of("transcripts", "echo-pair.t");

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
    void checkPassesAShippedTranscript() {
        Ran ran = sockshell("check", ECHO_PAIR.toString());
        assertEquals(0, ran.status(), ran.out() + ran.err());
        assertTrue(ran.out().startsWith("ok      transcripts/echo-pair.t (22 steps, "), ran.out());
        assertTrue(ran.out().contains("1 transcripts: 1 passed, 0 failed"), ran.out());
    }

    @Test
    void aBrokenLineFailsWithADiffPointingAtItAndUpdateRestoresIt() throws IOException {
        String original = Files.readString(ECHO_PAIR);
        Path copy = folder.resolve("echo-pair.t");
        Files.writeString(copy, original.replace("server> recv conn 1000000\nb'abc'", "server> recv conn 1000000\nb'abd'"));

        Ran failed = sockshell("check", copy.toString());
        assertEquals(1, failed.status());
        assertTrue(failed.out().contains(copy + ":32: step 11 (server> recv conn 1000000): output differs\n"), failed.out());
        assertTrue(failed.out().contains("\n-b'abd'\n+b'abc'\n"), failed.out());

        Ran updated = sockshell("check", "--update", copy.toString());
        assertEquals(0, updated.status(), updated.out());
        assertTrue(updated.out().startsWith("updated " + copy), updated.out());
        assertEquals(original, Files.readString(copy), "the update keeps every pattern and capture");
        assertEquals(0, sockshell("check", copy.toString()).status());
    }

    @Test
    void repeatedCheckWithABusyProcessorCountsEveryRunAndShowsOnlyFailures() throws IOException {
        Ran passing = sockshell("check", "--repeat", "3", "--busy", ECHO_PAIR.toString());
        assertEquals(0, passing.status(), passing.out() + passing.err());
        assertEquals(3, passing.out().split("1 transcripts: 1 passed, 0 failed", -1).length - 1, passing.out());
        assertTrue(passing.out().endsWith("3 runs with a processor kept busy: 3 passed, 0 failed\n"), passing.out());
        assertFalse(passing.out().contains("ok      "), "a passing transcript is not listed each run: " + passing.out());

        Path copy = folder.resolve("echo-pair.t");
        Files.writeString(copy, Files.readString(ECHO_PAIR).replace("b'abc'", "b'abd'"));
        Ran failing = sockshell("check", "--repeat", "2", copy.toString());
        assertEquals(1, failing.status());
        assertEquals(2, failing.out().split("\n-b'abd'\n\\+b'abc'\n", -1).length - 1, failing.out());
        assertTrue(failing.out().endsWith("2 runs: 0 passed, 2 failed\n"), failing.out());

        assertEquals(2, sockshell("check", "--repeat", "0", copy.toString()).status());
    }

    @Test
    void checkSaysWhenAPathIsMissing() {
        Ran ran = sockshell("check", folder.resolve("nothing.t").toString());
        assertEquals(1, ran.status());
        assertTrue(ran.out().contains(folder.resolve("nothing.t") + ": no such file"), ran.out());
    }

    @Test
    void runShowsEachCommandAndItsOutput() throws IOException {
        Path script = folder.resolve("script.txt");
        Files.writeString(script, "socket s\n# a comment\nbind s \"\" 0\nlisten s 1\nsocket c\nconnect c localhost s.port\n"
                + "send c \"hi\"\nclose c s\nrecv c 10\n");
        Ran ran = sockshell("run", script.toString());
        assertEquals(1, ran.status(), "the last command fails, and run says so");
        assertEquals(String.join("\n", "sockshell> socket s", "sockshell> bind s \"\" 0", "sockshell> listen s 1",
                "sockshell> socket c", "sockshell> connect c localhost s.port", "sockshell> send c \"hi\"", "2",
                "sockshell> close c s", "sockshell> recv c 10", "OSError: [Errno 9] Bad file descriptor", ""), ran.out());
    }

    @Test
    void runAcceptsATranscriptWithItsExpectedOutput() {
        Ran ran = sockshell("run", ECHO_PAIR.toString());
        assertEquals(0, ran.status(), ran.err());
        assertTrue(ran.out().contains("server> wait\n[1] done: accept s conn\n('127.0.0.1', "), ran.out());
        assertTrue(ran.out().contains("client> connect c localhost "), ran.out());
        assertEquals("", ran.err());
    }

    @Test
    void recordRefusesToOverwrite() throws IOException {
        Path existing = Files.writeString(folder.resolve("taken.t"), "# mine\n");
        Ran ran = sockshell("record", existing.toString());
        assertEquals(2, ran.status());
        assertEquals("error: " + existing + " exists; pick another name or add --force to overwrite it\n", ran.err());
    }

    @Test
    void aSessionRecordedAtATerminalPassesCheckUnchanged() throws IOException {
        String typed = String.join("\n", "socket s", "bind s \"\" 0", "listen s 1", "getsockname s", "socket c",
                "connect c localhost s.port", "accept s conn", "recv c 10 &", "send conn \"hello\"", "wait",
                "close conn c s", "exit", "");
        Path file = folder.resolve("recorded.t");
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("record-test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            assertEquals(0, RecordCommand.record(new Repl(terminal, null, false), terminal.writer(), file));
        }
        String recorded = Files.readString(file);
        assertTrue(recorded.contains("\n[1] done: recv c 10\nb'hello'\n"), recorded);
        Ran check = sockshell("check", file.toString());
        assertEquals(0, check.status(), recorded + "\n" + check.out());
    }

    @Test
    void exportWritesTheProgramAndABrokenTranscriptGivesItsLine() throws IOException {
        Ran exported = sockshell("export", "--python", ECHO_PAIR.toString());
        assertEquals(0, exported.status(), exported.err());
        assertTrue(exported.out().startsWith("#!/usr/bin/env python3\n# echo-pair.t, exported by sockshell"), exported.out());
        assertTrue(exported.out().contains("with step(): conn, addr = s.accept(); show(addr)"), exported.out());

        Path broken = folder.resolve("broken.t");
        Files.writeString(broken, "%party a\na> socket s\n%bogus\n");
        Ran refused = sockshell("export", "--python", broken.toString());
        assertEquals(1, refused.status());
        assertEquals("error: " + broken + ":3: unknown directive %bogus (known: %party, %timeout, %interrupt, %file,"
                + " %endfile, %leftovers, %python, %backend)\n", refused.err());

        Ran program = sockshell("export", "--python", "transcripts/program-tms.t");
        assertEquals(1, program.status());
        assertEquals("", program.out());
        assertEquals("error: transcripts/program-tms.t: step 1 (sockshell> program srv python3"
                + " examples/tutorial-python/tms.py 0) starts a program, which has no Python export\n", program.err());

        Ran several = sockshell("export", "--python", ECHO_PAIR.toString(), broken.toString());
        assertEquals(2, several.status());
        assertEquals("error: several files need --into DIR\n", several.err());
    }

    @Test
    void checkWithPythonJudgesShellTranscriptsAndSkipsReplays() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.sockshell.export.PythonJudge.unavailable().isEmpty(),
                "python3 is needed to judge");
        Ran ran = sockshell("check", "--python", ECHO_PAIR.toString(), "transcripts/replay-echo-pair.t");
        assertEquals(0, ran.status(), ran.out() + ran.err());
        assertTrue(ran.out().startsWith("ok      transcripts/echo-pair.t (22 steps, "), ran.out());
        assertTrue(ran.out().contains("skipped transcripts/replay-echo-pair.t\n  party 'replay' is a replay party,"
                + " which has no Python export\n"), ran.out());
        assertTrue(ran.out().contains("2 transcripts: 1 passed, 0 failed, 1 skipped"), ran.out());
        Ran update = sockshell("check", "--python", "--update", ECHO_PAIR.toString());
        assertEquals(2, update.status());
    }

    /**
     * The echo pair typed at a terminal as a newcomer types it: jobs never waited for, jobs,
     * Ctrl-C on a recv and on a send that blocks, sockets after it, a job still running at exit.
     * The recording passes check unchanged, 50 runs in a row with a processor kept busy.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aSessionWithUnwaitedJobsAndCtrlCRecordedAtATerminalPassesCheckFiftyTimes() throws Exception {
        Path file = folder.resolve("newcomer.t");
        Keyboard keyboard = new Keyboard();
        TextSink screen = new TextSink();
        CompletableFuture<Thread> shellThread = new CompletableFuture<>();
        try (Terminal terminal = new DumbTerminal("record-test", Terminal.TYPE_DUMB, keyboard, screen,
                StandardCharsets.UTF_8)) {
            Attributes keys = terminal.getAttributes();
            keys.setLocalFlag(Attributes.LocalFlag.ISIG, true);
            keys.setControlChar(Attributes.ControlChar.VINTR, 3);
            terminal.setAttributes(keys);
            CompletableFuture<Integer> recording = CompletableFuture.supplyAsync(() -> {
                shellThread.complete(Thread.currentThread());
                return RecordCommand.record(new Repl(terminal, null, false), terminal.writer(), file);
            });
            Duration bound = Duration.ofSeconds(20);
            String prompt = "sockshell> ";
            screen.awaitContains(prompt, bound);
            for (String line : List.of("socket s", "bind s \"\" 0", "listen s 1", "getsockname s", "socket c",
                    "connect c localhost s.port", "accept s conn &", "jobs", "recv c 100 &", "send conn \"hi\"",
                    "recv c 100", "send c \"x\"*20000000", "recv conn 10 &", "jobs", "sockets", "recv c 10 &")) {
                int before = TextSink.occurrences(screen.text(), prompt);
                keyboard.type(line + "\n");
                if (line.equals("recv c 100") || line.startsWith("send c \"x\"")) {
                    Waits.untilBlocked(shellThread.get(), recording, bound);
                    terminal.raise(Terminal.Signal.INT);
                }
                // A finished job shows above the prompt, which redraws it: wait for the prompt
                // after this line, and for the job's report where one comes (the accept's too:
                // a user types send conn once the accept has said it is done).
                screen.await(text -> TextSink.occurrences(text, prompt) > before && text.endsWith(prompt)
                        && (!line.startsWith("accept") || text.contains("done: accept s conn"))
                        && (!line.startsWith("send conn") || text.contains("b'hi'")), bound, "the prompt after " + line);
            }
            keyboard.type("exit\n");
            assertEquals(0, Waits.get(recording, bound));
        }
        String recorded = Files.readString(file);
        assertTrue(recorded.contains("%interrupt\nsockshell> recv c 100\nKeyboardInterrupt\n"), recorded);
        assertTrue(recorded.contains("%interrupt\nsockshell> send c \"x\"*20000000\n"
                + "KeyboardInterrupt ([..] bytes were sent)\n"), recorded);
        assertTrue(recorded.contains("[2] done: recv c 100\nb'hi'\n"), recorded);
        assertTrue(recorded.contains("      blocking {2,}\\d+B/1 {2,}2B/1 {2,}ESTABLISHED {2,}\\d+ {2,}\\d+ (re)\n"),
                "what the cancelled send had sent, and the kernel's queues it left: " + recorded);
        assertTrue(recorded.contains("%leftovers\nsockshell: job [4] recv c 10 was never waited for\n"), recorded);
        Ran check = sockshell("check", "--repeat", "50", "--busy", file.toString());
        assertEquals(0, check.status(), recorded + "\n" + check.out());
        assertTrue(check.out().endsWith("50 runs with a processor kept busy: 50 passed, 0 failed\n"), check.out());
    }
}
