package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;

@Command(name = "bind",
        description = {"Bind SOCKET to a local address: s.bind((HOST, PORT)).",
            "HOST \"\" means every local address; PORT 0 lets the OS choose (read it with getsockname).",
            "NAME.port stands for the port socket NAME is bound to.",
            "An AF_UNIX socket takes one PATH instead: s.bind('/tmp/x.sock').",
            "PATH \"\\0name\" (or b\"\\x00name\") is an abstract name, which makes no file."},
        footer = {"", "Lesson: bind only claims the address. Until listen, a client connecting here is refused.",
            "A port still in TIME_WAIT gives [Errno 98] Address already in use unless SO_REUSEADDR is set.",
            "An AF_UNIX bind makes a socket file, and close leaves it: binding the path",
            "again gives [Errno 98] until the file is removed (unlink PATH)."})
public final class BindCommand extends AddressCommand {
    public BindCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void call(Sock sock, String host, int port) throws SockError {
        sock.bind(host, port);
    }
}
