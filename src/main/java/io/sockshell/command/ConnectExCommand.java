package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "connect_ex",
        description = {"Like connect, but print the errno instead of raising: s.connect_ex((HOST, PORT)).",
            "0 means connected; 115 means in progress (nonblocking); 111 means refused."},
        footer = {"", "Lesson: with a nonblocking socket, call connect_ex again (or select for writing)",
            "to learn when the handshake has finished."})
public final class ConnectExCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "HOST")
    String host;

    @Parameters(index = "2", paramLabel = "PORT")
    String port;

    public ConnectExCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(sock(socket).connectEx(text(host), port(port)));
    }
}
