package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "flush",
        description = {"Send everything written to FILE so far: f.flush()."})
public final class FlushCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    public FlushCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        file(file).flush();
    }
}
