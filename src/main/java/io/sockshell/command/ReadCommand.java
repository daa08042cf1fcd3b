package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "read",
        description = {"Read SIZE bytes from FILE, or everything up to the end of stream: f.read(SIZE)."})
public final class ReadCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Parameters(index = "1", paramLabel = "SIZE", arity = "0..1")
    String size = "-1";

    @Mixin
    DataStyleOption style;

    public ReadCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(file(file).read(integer(size, "SIZE")), style.style());
    }
}
