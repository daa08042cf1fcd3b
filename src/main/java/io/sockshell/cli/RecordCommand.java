package io.sockshell.cli;

import io.sockshell.repl.Repl;
import io.sockshell.transcript.shell.Recorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "record",
        description = {"Start the shell and save the session as a new transcript when it ends (exit or Ctrl-D).",
            "The transcript replays with 'sockshell check FILE' as recorded, run after run: a background job"
                + " that had finished when the next line was typed is waited for there, a line cut short with"
                + " Ctrl-C is interrupted where it blocks (%%interrupt), ports the system chose become captures,"
                + " and output that is timing (a job's state, the bytes a cancelled send had sent) a pattern.",
            "Lines typed as '# text' become comments."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the transcript was saved", "1:it could not be written", "2:usage error (FILE exists)"})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The transcript to create (by convention NAME.t).")
    Path file;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(file) && !force) {
            err.println("error: " + file + " exists; pick another name or add --force to overwrite it");
            err.flush();
            return 2;
        }
        return Repl.onSystemTerminal(null, (shell, screen) -> record(shell, screen, file));
    }

    /** Runs {@code shell} as a recording shell until it ends, then writes {@code file}. */
    static int record(Repl shell, PrintWriter screen, Path file) {
        screen.println("Recording to " + file + "; exit or Ctrl-D saves it.");
        screen.flush();
        try (Recorder recorder = new Recorder(screen)) {
            shell.recordingTo(new Repl.Recording() {
                @Override
                public void command(String line) {
                    recorder.command(line);
                }

                @Override
                public void interrupted() {
                    recorder.interrupted();
                }
            }).run(recorder.session());
            String transcript = recorder.transcript();
            try {
                Files.writeString(file, transcript, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            } catch (IOException e) {
                screen.println("error: cannot write " + file + " (" + e.getMessage() + "); the transcript was:");
                screen.print(transcript);
                screen.flush();
                return 1;
            }
            screen.println("Saved " + recorder.steps() + " commands to " + file + "; check it with: sockshell check "
                    + file);
            screen.flush();
            return 0;
        }
    }
}
