package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Parameters;

/**
 * A call on SOCKET with an address: {@code SOCKET HOST PORT}, as bind, connect and connect_ex
 * take it. HOST may be quoted ({@code ""} is every local address); PORT may be
 * {@code NAME.port}, the port socket NAME is bound to.
 */
abstract class AddressCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "HOST")
    String host;

    @Parameters(index = "2", paramLabel = "PORT")
    String port;

    AddressCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected final void run() throws SockError, UsageError {
        call(sock(socket), text(host), port(port));
    }

    /** The call itself, on the socket named and the address read. */
    protected abstract void call(Sock sock, String host, int port) throws SockError;
}
