package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "listen",
        description = {"Start accepting connections on SOCKET: s.listen(BACKLOG).",
            "BACKLOG (default 1) is how many finished handshakes may wait for accept."},
        footer = {"", "Lesson: after listen the kernel completes handshakes by itself, even before accept.",
            "Calling listen again on a listening socket is allowed (svr.py does it in its loop)."})
public final class ListenCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "BACKLOG", arity = "0..1")
    String backlog = "1";

    public ListenCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).listen(integer(backlog, "BACKLOG"));
    }
}
