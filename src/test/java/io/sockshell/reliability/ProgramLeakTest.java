package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import io.sockshell.support.ProgramProcesses;
import io.sockshell.support.ShellDriver;
import io.sockshell.transcript.StepResult;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Programs leave nothing in the shell's process: after rounds of programs started, talked to,
 * left busy, made to print megabytes, killed and closed, the descriptors and threads are back
 * where they were, and the heap has not kept what they printed. And the end of a transcript
 * ends the programs it left running, daemons included.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProgramLeakTest {
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String ECHO = "program echo python3 -c \"import sys\nfor line in sys.stdin: print('echo', line.strip())\"";

    @Test
    void programsGiveBackTheirDescriptorsAndThreads() throws InterruptedException {
        ProcessResources.assertRoundsGiveBack("programs", ProgramLeakTest::rounds, SETTLE);
    }

    private static void rounds(int count) {
        for (int round = 0; round < count; round++) {
            try (ShellDriver shell = new ShellDriver()) {
                shell.ok(ECHO);
                for (int i = 0; i < 20; i++) {
                    assertEquals("echo line " + i + "\n", shell.ok("type echo line " + i));
                }
                assertEquals("[exit 0]\n", shell.ok("eof echo"));
                assertEquals("TimeoutError", errorClass(shell.run("program -t 0.3 spin python3 -c \"while True: pass\"")));
                shell.ok("program big python3 -c \"import sys; sys.stdout.write('x' * 3000000)\"");
                shell.ok("program daemon sh -c \"sleep 1000 & echo started\"");
                shell.ok("program waiting python3 -c \"input()\"");
                assertEquals("[signal INT]", shell.ok("signal waiting INT").strip().lines().reduce((a, b) -> b).orElse(""));
                assertEquals("FileNotFoundError", errorClass(shell.run("program nothing no-such-program-here")));
                shell.ok("close spin daemon");
            }
        }
    }

    private static String errorClass(ShellDriver.Result result) {
        String last = result.err().strip();
        return last.substring(0, Math.max(0, last.indexOf(':')));
    }

    /**
     * What programs print is let go once shown: after 20 programs that print 5 MB each, the heap
     * after a full collection has grown by far less than they printed.
     */
    @Test
    void printedOutputIsNotKept() {
        try (ShellDriver shell = new ShellDriver()) {
            long before = usedHeapAfterCollection();
            long printed = 0;
            for (int i = 0; i < 20; i++) {
                shell.ok("program p" + i + " python3 -c \"import sys; sys.stdout.write('y' * 5000000)\"");
                printed += 5_000_000;
            }
            long retained = usedHeapAfterCollection() - before;
            System.out.printf("leaks/program output: programs printed %d MB; heap grew %d MB%n", printed >> 20,
                    retained >> 20);
            assertTrue(retained < 8 << 20, "the session kept " + (retained >> 20) + " MB");
        }
    }

    private static long usedHeapAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void theEndOfATranscriptEndsItsPrograms() throws Exception {
        String text = String.join("\n",
                "sockshell> program waiting sh -c \"echo pid $$; exec sleep 1000\"",
                "pid [[pid:\\d+]]",
                "sockshell> program daemon python3 -c \"import os; exec('if os.fork() == 0:\\n os.setsid()\\n"
                        + " if os.fork() == 0:\\n  os.execvp(\\'sleep\\', [\\'sleep\\', \\'1000\\'])\\n os._exit(0)');"
                        + " os.wait(); print('started a daemon')\"",
                "started a daemon",
                "[exit 0]",
                "",
                "%leftovers",
                "sockshell: program waiting still running",
                "sockshell: program daemon still running",
                "");
        Transcript transcript = Transcript.parse(Path.of("ends-its-programs.t"), text);
        String[] session = new String[1];
        TranscriptResult result = new TranscriptRunner(Parties.all(), TranscriptRunner.DEFAULT_STEP_SECONDS)
                .run(transcript, step -> sessionFrom(step, session));
        assertTrue(result.passed(), () -> "the transcript failed: " + result.steps().stream()
                .map(step -> step.command() + " -> " + step.actual()).toList() + " " + result.problems());
        assertEquals(List.of(), ProgramProcesses.awaitNoneOf(session[0], BOUND), "left running");
    }

    /** The program's token, read while it runs: the transcript's first step prints its pid. */
    private static void sessionFrom(StepResult step, String[] session) {
        if (session[0] == null && !step.actual().isEmpty() && step.actual().get(0).startsWith("pid ")) {
            try {
                session[0] = ProgramProcesses.sessionOf(Long.parseLong(step.actual().get(0).substring(4)));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
