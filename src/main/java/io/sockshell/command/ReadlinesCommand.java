package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "readlines",
        description = {"Read every line up to the end of stream from FILE: f.readlines()."},
        footer = {"", "Lesson: this returns only when the peer closes (wps.py relies on svr.py closing)."})
public final class ReadlinesCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    public ReadlinesCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(file(file).readlines());
    }
}
