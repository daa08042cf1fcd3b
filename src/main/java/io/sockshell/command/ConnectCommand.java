package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;

@Command(name = "connect",
        description = {"Connect SOCKET to a server: s.connect((HOST, PORT)).",
            "NAME.port stands for the port socket NAME is bound to.",
            "An AF_UNIX socket takes one PATH instead: s.connect('/tmp/x.sock').",
            "Blocks until the handshake completes; a nonblocking socket raises [Errno 115] at once."},
        footer = {"",
            "Lesson: the OS picks the client's own port (an ephemeral port) unless you bind first; that "
                + "port is how the server's OS tells two clients of the same server apart."})
public final class ConnectCommand extends AddressCommand {
    public ConnectCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void call(Sock sock, String host, int port) throws SockError {
        sock.connect(host, port);
    }
}
