package io.sockshell.cli;

import io.sockshell.export.PythonExport;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export",
        description = {"Write a transcript, a recorded session or a plain script as a python3 program that makes the",
            "same socket calls in the same order and prints what the shell printed.",
            "Commands with no Python equivalent (sockets, trace, set, ...) become comments.",
            "A transcript with a replay party or a program has no export: it is refused (left out with --into).",
            "examples/exported/ is written by: sockshell export --python --into examples/exported transcripts/"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:a file cannot be read or parsed, has no Python export, or a program cannot be written",
            "2:usage error"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--python", required = true, description = "Export as a python3 program (the one language so far).")
    boolean python;

    @ArgGroup(exclusive = true)
    Destination destination = new Destination();

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the one program to OUT.")
        Path output;

        @Option(names = "--into", paramLabel = "DIR",
                description = "Write each FILE's program to DIR/NAME.py; folders among the FILEs are searched for *.t"
                        + " transcripts, and those with no Python export (a replay party, a program) are left out.")
        Path folder;
    }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Transcripts, recorded sessions or plain scripts.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (destination.folder == null && (files.size() > 1 || Files.isDirectory(files.get(0)))) {
            err.println("error: several files need --into DIR");
            err.flush();
            return 2;
        }
        int status = 0;
        for (Path file : destination.folder == null ? files : transcripts(files)) {
            Transcript transcript;
            try {
                transcript = Transcript.read(file);
            } catch (TranscriptError e) {
                err.println("error: " + e.getMessage());
                err.flush();
                status = 1;
                continue;
            }
            Optional<String> noExport = PythonExport.noExport(transcript);
            if (noExport.isPresent()) {
                if (destination.folder == null) {
                    err.println("error: " + file + ": " + noExport.get());
                    err.flush();
                    status = 1;
                }
                continue;
            }
            String program = PythonExport.of(transcript).source();
            Path target = destination.folder != null ? destination.folder.resolve(pythonName(file)) : destination.output;
            if (target == null) {
                out.print(program);
                out.flush();
                continue;
            }
            try {
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.writeString(target, program, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + target + ": " + e.getMessage());
                err.flush();
                status = 1;
            }
        }
        return status;
    }

    /** The files given, with each folder's *.t transcripts in path order in its place. */
    private static List<Path> transcripts(List<Path> paths) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                found.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(file -> file.getFileName().toString().endsWith(Transcript.EXTENSION)).sorted()
                        .forEach(found::add);
            }
        }
        return found;
    }

    /** {@code echo-pair.t} becomes {@code echo_pair.py}: a name Python can also import. */
    static String pythonName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_]", "_") + ".py";
    }
}
