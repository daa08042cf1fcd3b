package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Parameters;

/**
 * A call on SOCKET with an address, as bind, connect and connect_ex take it: {@code SOCKET HOST
 * PORT} for an IP socket, where HOST may be quoted ({@code ""} is every local address) and PORT
 * may be {@code NAME.port}, the port socket NAME is bound to; {@code SOCKET PATH} for an AF_UNIX
 * socket, where PATH may be quoted text or a bytes literal, so that an abstract name is written
 * as CPython takes it: {@code "\0name"} or {@code b"\x00name"}.
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
        if (sock.family() == Family.AF_UNIX) {
            if (port != null) {
                throw new UsageError("an AF_UNIX address is one PATH, not HOST PORT (usage: "
                        + HelpCommand.oneLineSynopsis(spec.commandLine()) + ")");
            }
            call(sock, path(host), 0);
            return;
        }
        if (port == null) {
            throw new UsageError("missing required parameter: 'PORT' (usage: "
                    + HelpCommand.oneLineSynopsis(spec.commandLine()) + ")");
        }
        call(sock, host(host), port(port));
    }

    /** The call itself, on the socket named and the address read (for AF_UNIX: the path, port 0). */
    protected abstract void call(Sock sock, String host, int port) throws SockError;
}
