package io.sockshell.command;

import io.sockshell.engine.Holding;
import io.sockshell.engine.SockError;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "close",
        description = {"Close sockets, files or programs: s.close() / f.close().",
            "Closing a file made by makefile flushes it; the socket under it stays open.",
            "A program gets SIGTERM, then SIGKILL if it has not ended within 2 s."},
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
            Optional<Holding> held = context.table().held(name);
            if (held.isPresent()) {
                held.get().close().forEach(out()::println);
                out().flush();
            } else {
                context.table().close(name);
            }
        }
    }
}
