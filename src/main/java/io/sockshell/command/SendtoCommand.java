package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sendto",
        description = {"Send one datagram DATA to HOST PORT: s.sendto(DATA, (HOST, PORT)).",
            "Prints how many bytes were sent."},
        footer = {"", "Lesson: UDP needs no connection; each sendto is one message, delivered whole or not at all."})
public final class SendtoCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    @Parameters(index = "2", paramLabel = "HOST")
    String host;

    @Parameters(index = "3", paramLabel = "PORT")
    String port;

    public SendtoCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(sock(socket).sendto(data(data), host(host), port(port)));
    }
}
