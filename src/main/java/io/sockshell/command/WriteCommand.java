package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "write",
        description = {"Write DATA to FILE's buffer and print how much was taken: f.write(DATA).",
            "Nothing is sent until flush or close."},
        footer = {"", "Lesson: a file buffers; forgetting to flush is why a peer sometimes waits for ever."})
public final class WriteCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    public WriteCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(file(file).write(data(data)));
    }
}
