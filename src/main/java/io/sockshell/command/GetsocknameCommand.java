package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "getsockname",
        description = {"Print SOCKET's own address: s.getsockname()."},
        footer = {"", "Lesson: after bind to port 0, or after connect, this shows the port the OS chose."})
public final class GetsocknameCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    public GetsocknameCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(sock(socket).getsockname());
    }
}
