package io.sockshell.cli;

import io.sockshell.export.PythonExport;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export",
        description = {"Write a transcript, a recorded session or a plain script as a python3 program that makes the",
            "same socket calls in the same order and prints what the shell printed.",
            "Commands with no Python equivalent (sockets, trace, set, ...) become comments."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the file cannot be read or parsed, or the output cannot be written",
            "2:usage error"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--python", required = true, description = "Export as a python3 program (the one language so far).")
    boolean python;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the program to OUT instead of standard output.")
    Path output;

    @Parameters(paramLabel = "FILE", description = "A transcript, a recorded session or a plain script.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String program;
        try {
            program = PythonExport.of(Transcript.read(file)).source();
        } catch (TranscriptError e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (output == null) {
            out.print(program);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(output, program, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
