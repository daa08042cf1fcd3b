package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "getpeername",
        description = {"Print the address SOCKET is connected to: s.getpeername()."})
public final class GetpeernameCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    public GetpeernameCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(sock(socket).getpeername());
    }
}
