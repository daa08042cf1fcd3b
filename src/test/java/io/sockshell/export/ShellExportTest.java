package io.sockshell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.support.ShellDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell's export command: the session so far, as a program that prints what the session printed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellExportTest {
    @TempDir
    Path folder;

    @Test
    void theSessionSoFarRunsInPythonAndPrintsTheSame() throws IOException {
        List<String> lines = List.of("socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c 127.0.0.1 s.port",
                "accept s conn", "send c \"hi\"*3", "recv conn 10", "recv c 10 &", "select -r c -t 0", "send conn \"ok\"",
                "wait", "sockets", "close c", "send c \"x\"", "close conn s");
        Path program = folder.resolve("session.py");
        List<String> printed = new ArrayList<>();
        try (ShellDriver shell = new ShellDriver()) {
            for (String line : lines) {
                ShellDriver.Result result = shell.run(line);
                if (!line.equals("sockets")) {
                    printed.add(result.out() + result.err());
                }
            }
            assertEquals("", shell.ok("export python " + program));
            assertTrue(shell.ok("export python").startsWith("#!/usr/bin/env python3\n"));
            ShellDriver.Result unknown = shell.run("export cobol");
            assertEquals("export: cannot export to 'cobol'; the one language is python\n", unknown.err());
        }
        String source = Files.readString(program);
        assertTrue(source.contains("with step(): conn, addr = s.accept(); show(addr)\n"), source);
        assertTrue(source.contains("# sockshell> sockets  (shell only: the shell's own table of sockets)\n"), source);
        assumeTrue(PythonJudge.unavailable().isEmpty(), "python3 is needed to run the program");
        PythonExport.Program exported = PythonExport.ofLines("session", lines);
        PythonJudge.Outputs outputs = PythonJudge.run(new PythonExport.Program(source, exported.markedSteps(),
                exported.unexported()), 30);
        assertEquals(List.of(), outputs.problems());
        List<String> fromPython = new ArrayList<>();
        for (int step : exported.markedSteps()) {
            fromPython.add(outputs.byStep().getOrDefault(step, ""));
        }
        List<String> shell = printed.stream().map(text -> text.replaceAll("\\('127\\.0\\.0\\.1', \\d+\\)", "ADDRESS"))
                .toList();
        assertEquals(shell, fromPython.stream().map(text -> text.replaceAll("\\('127\\.0\\.0\\.1', \\d+\\)", "ADDRESS"))
                .toList());
    }
}
