package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;

@Command(name = "connect_ex",
        description = {"Like connect, but print the errno instead of raising: s.connect_ex((HOST, PORT)).",
            "0 means connected; 115 means in progress (nonblocking); 111 means refused.",
            "An AF_UNIX socket takes one PATH instead of HOST PORT."},
        footer = {"",
            "Lesson: with a nonblocking socket, call connect_ex again (or select for writing) to learn when "
                + "the handshake has finished."})
public final class ConnectExCommand extends AddressCommand {
    public ConnectExCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void call(Sock sock, String host, int port) throws SockError {
        result(sock.connectEx(host, port));
    }
}
