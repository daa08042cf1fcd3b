package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sendall",
        description = {"Send all of DATA on SOCKET, looping over send until done: s.sendall(DATA).",
            "Prints nothing on success (it returns None)."},
        footer = {"", "Lesson: sendall blocks until every byte is in the OS's hands; if the peer does not read,",
            "that can be for ever. It says nothing about the peer having received the data."})
public final class SendallCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    public SendallCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).sendall(data(data));
    }
}
