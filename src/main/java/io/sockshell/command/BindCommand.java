package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bind",
        description = {"Bind SOCKET to a local address: s.bind((HOST, PORT)).",
            "HOST \"\" means every local address; PORT 0 lets the OS choose (read it with getsockname).",
            "NAME.port stands for the port socket NAME is bound to."},
        footer = {"", "Lesson: bind only claims the address. Until listen, a client connecting here is refused.",
            "A port still in TIME_WAIT gives [Errno 98] Address already in use unless SO_REUSEADDR is set."})
public final class BindCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "HOST")
    String host;

    @Parameters(index = "2", paramLabel = "PORT")
    String port;

    public BindCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).bind(text(host), port(port));
    }
}
