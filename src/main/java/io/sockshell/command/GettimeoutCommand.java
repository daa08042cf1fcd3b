package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "gettimeout",
        description = {"Print SOCKET's timeout: None (blocking), 0.0 (nonblocking) or seconds.",
            "Python's REPL would print nothing for None; sockshell prints it."})
public final class GettimeoutCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    public GettimeoutCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(sock(socket).gettimeout());
    }
}
