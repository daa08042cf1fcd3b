package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.ShellDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Programs through the shell, as a user drives them: each step shows exactly what the program
 * printed in answer, however its threads and processes are arranged, and nothing it printed
 * before going quiet is ever left for a later step.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProgramTest {
    private static final String LINE_ECHO = "program echo python3 -c \"import sys\nfor line in sys.stdin: print('echo', line.strip())\"";

    @Test
    void eachLineTypedShowsExactlyItsReply() {
        try (ShellDriver shell = new ShellDriver()) {
            assertEquals("", shell.ok(LINE_ECHO));
            for (int i = 0; i < 200; i++) {
                assertEquals("echo " + i + "\n", shell.ok("type echo " + i));
            }
            assertEquals("", shell.ok("output echo"));
            assertEquals("[exit 0]\n", shell.ok("eof echo"));
        }
    }

    @Test
    void aReplyPrintedByAChildProcessIsWaitedFor() {
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("program parent sh -c \"while read x; do python3 -c \\\"import sys; print('child says', sys.argv[1])\\\" \\\"$x\\\"; done\"");
            for (int i = 0; i < 5; i++) {
                assertEquals("child says " + i + "\n", shell.ok("type parent " + i));
            }
        }
    }

    @Test
    void aProgramOnATimerIsQuiet() {
        try (ShellDriver shell = new ShellDriver()) {
            assertEquals("sleeping\n", shell.ok("program sleeper python3 -c \"import time; print('sleeping'); time.sleep(1000)\""));
            String sockets = shell.ok("sockets");
            assertTrue(sockets.matches("(?s).*\\nsleeper +\\d+ +quiet\\b.*"), sockets);
        }
    }

    /**
     * A thread that wakes every 10 ms and does nothing waits for a clock, not for work: the
     * program is quiet between its wake-ups, and each step shows exactly its reply.
     */
    @Test
    void aThreadWakingOnATimerAndDoingNothingLeavesTheProgramQuiet() {
        try (ShellDriver shell = new ShellDriver()) {
            assertEquals("ticking\n", shell.ok("program ticker python3 -c \"import sys, threading, time\n"
                    + "def tick():\n    while True: time.sleep(0.01)\n"
                    + "threading.Thread(target=tick, daemon=True).start()\nprint('ticking')\n"
                    + "for line in sys.stdin: print('got', line.strip())\""));
            for (int i = 0; i < 50; i++) {
                assertEquals("got " + i + "\n", shell.ok("type ticker " + i));
            }
            String sockets = shell.ok("sockets");
            assertTrue(sockets.matches("(?s).*\\nticker +\\d+ +quiet\\b.*"), sockets);
        }
    }

    /** A thread that busy-loops is working, though the program's other thread waits for input: never quiet. */
    @Test
    void aThreadBusyLoopingBesideOneWaitingForInputIsNeverQuiet() {
        try (ShellDriver shell = new ShellDriver()) {
            ShellDriver.Result started = shell.run("program -t 1 spinner python3 -c \"import threading\n"
                    + "def spin():\n    while True: pass\n"
                    + "threading.Thread(target=spin, daemon=True).start()\nprint('spinning')\ninput()\"");
            assertEquals("spinning\n", started.out());
            assertTrue(started.err().matches("TimeoutError: spinner did not go quiet within 1 s: python3 \\[\\d+(/\\d+)?\\]"
                    + " (is running|was woken .*) \\(\\d+\\.\\d s of processor time in 1 s\\).*\n"), started::toString);
            assertTrue(shell.ok("sockets").matches("(?s).*\\nspinner +\\d+ +running\\b.*"));
        }
    }

    @Test
    void aProgramBlockedOnAFullOutputPipeIsNotQuiet() {
        try (ShellDriver shell = new ShellDriver()) {
            String shown = shell.ok("program flood python3 -c \"import sys; sys.stdout.write('z' * 1000000); input()\"");
            assertTrue(shown.endsWith("[... " + (1000000 - OutputPipe.KEPT_BYTES) + " more bytes not shown: a step shows at most "
                    + OutputPipe.KEPT_BYTES + "]\n"), () -> shown.substring(Math.max(0, shown.length() - 200)));
            assertEquals("[exit 0]\n", shell.ok("type flood"));
        }
    }

    @Test
    void aCharacterSplitAcrossStepsIsShownWhole() {
        try (ShellDriver shell = new ShellDriver()) {
            assertEquals("caf\n", shell.ok("program split python3 -c \"import sys; out = sys.stdout.buffer;"
                    + " out.write(b'caf\\xc3'); out.flush(); input(); out.write(b'\\xa9!'); out.flush()\""));
            assertEquals("", shell.ok("output split"));
            assertEquals("\u00e9!\n[exit 0]\n", shell.ok("type split"));
        }
    }

    @Test
    void interruptEndsAPythonProgramWithItsTraceback() {
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("program waiting python3 -c \"input()\"");
            List<String> lines = shell.ok("signal waiting INT").lines().toList();
            assertEquals("KeyboardInterrupt", lines.get(lines.size() - 2));
            assertEquals("[signal INT]", lines.get(lines.size() - 1));
            assertTrue(shell.ok("sockets").contains(" signal INT "));
        }
    }

    @Test
    void waitIsBoundedAndCancellable() {
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("program waiting python3 -c \"input()\"");
            shell.fails("wait -t 0.2 waiting", "TimeoutError: timed out");
            assertEquals("[exit 0]\n", shell.ok("type waiting"));
            assertEquals("[exit 0]\n", shell.ok("wait waiting"));
        }
    }

    @Test
    void portsListsWhereItListensInTheOrderItOpenedThem() {
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("program server python3 -c \"import socket; t = socket.socket(socket.AF_INET6); t.bind(('::1', 0));"
                    + " t.listen(); u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0));"
                    + " c = socket.socket(); input()\"");
            List<String> ports = shell.ok("ports server").lines().toList();
            assertEquals(2, ports.size(), ports::toString);
            assertTrue(ports.get(0).matches("\\('::1', \\d+, 0, 0\\)"), ports::toString);
            assertTrue(ports.get(1).matches("\\('127\\.0\\.0\\.1', \\d+\\) udp"), ports::toString);
            shell.ok("socket c AF_INET6", "connect c ::1 server.port");
        }
    }

    @Test
    void aPortOfTheShellIsAnArgument() {
        try (ShellDriver shell = new ShellDriver()) {
            shell.ok("socket s", "bind s 127.0.0.1 0", "listen s");
            shell.ok("program client python3 -c \"import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])))"
                    + ".sendall(b'hi'); input()\" s.port");
            shell.ok("accept s conn");
            shell.prints("recv conn 10", "b'hi'");
        }
    }
}
