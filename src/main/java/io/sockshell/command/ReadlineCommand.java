package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "readline",
        description = {"Read one line from FILE: f.readline(). '' (or b'') means end of stream."},
        footer = {"",
            "Lesson: readline blocks until a whole line (or the end) has arrived, however many recv calls "
                + "that takes underneath."})
public final class ReadlineCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Mixin
    DataStyleOption style;

    public ReadlineCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(file(file).readline(), style.style());
    }
}
