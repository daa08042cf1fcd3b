package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sendto",
        description = {"Send one datagram DATA to HOST PORT: s.sendto(DATA, (HOST, PORT)).",
            "An AF_UNIX socket takes one PATH instead: s.sendto(DATA, '/tmp/x.sock').",
            "Prints how many bytes were sent."},
        footer = {"", "Lesson: UDP needs no connection; each sendto is one message, delivered whole or not at all."})
public final class SendtoCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    @Parameters(index = "2", paramLabel = "HOST|PATH")
    String host;

    @Parameters(index = "3", arity = "0..1", paramLabel = "PORT")
    String port;

    public SendtoCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        Sock sock = sock(socket);
        Destination destination = destination(sock, host, port);
        result(sock.sendto(data(data), destination.host(), destination.port()));
    }
}
