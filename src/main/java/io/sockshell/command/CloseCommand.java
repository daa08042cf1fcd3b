package io.sockshell.command;

import io.sockshell.engine.SockError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "close",
        description = {"Close sockets or files: s.close() / f.close().",
            "Closing a file made by makefile flushes it; the socket under it stays open."},
        footer = {"",
            "Lesson: closing a socket flushes what was sent (the peer still gets it) and then the peer's "
                + "recv returns b''. Any later call on a closed socket: [Errno 9] Bad file descriptor."})
public final class CloseCommand extends ShellCommand {
    @Parameters(arity = "1..*", paramLabel = "NAME")
    List<String> names;

    public CloseCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        for (String name : names) {
            context.table().close(name);
        }
    }
}
