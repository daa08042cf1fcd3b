package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Parameters;

/**
 * A call on SOCKET with an address, as bind, connect and connect_ex take it: {@code SOCKET HOST
 * PORT} for an IP socket ({@code ""} is every local address), {@code SOCKET PATH} for an AF_UNIX
 * socket ({@link ShellCommand#destination}).
 */
abstract class AddressCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "HOST|PATH")
    String host;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PORT")
    String port;

    AddressCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected final void run() throws SockError, UsageError {
        Sock sock = sock(socket);
        Destination destination = destination(sock, host, port);
        call(sock, destination.host(), destination.port());
    }

    /** The call itself, on the socket named and the address read (for AF_UNIX: the path, port 0). */
    protected abstract void call(Sock sock, String host, int port) throws SockError;
}
