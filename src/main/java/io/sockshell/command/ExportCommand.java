package io.sockshell.command;

import io.sockshell.engine.SockError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "export",
        description = {"Write the session so far as a program: export python [FILE].",
            "The program makes the same socket calls in the same order and prints what the shell printed;",
            "background jobs become threads, commands with no Python equivalent become comments.",
            "Without FILE the program is printed."},
        footer = {"", "Lesson: what you tried by hand is the first draft of your own server or client,",
            "in the language the tutorial teaches."})
public final class ExportCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "LANGUAGE", description = "python (the one language so far).")
    String language;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Where to write the program.")
    String file;

    public ExportCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        SessionExport export = SessionExport.find(language)
                .orElseThrow(() -> new UsageError("cannot export to '" + language + "'; the one language is python"));
        String program = export.export("A sockshell session", context.history());
        if (file == null) {
            out().print(program);
            out().flush();
            return;
        }
        try {
            Files.writeString(Path.of(file), program, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
