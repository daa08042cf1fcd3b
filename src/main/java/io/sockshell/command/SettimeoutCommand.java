package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "settimeout",
        description = {"Give SOCKET's blocking calls a limit in SECONDS: s.settimeout(SECONDS).",
            "None means block for ever; 0 means nonblocking."},
        footer = {"",
            "Lesson: a call that runs out of time raises TimeoutError: timed out; the socket stays usable."})
public final class SettimeoutCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "SECONDS")
    String seconds;

    public SettimeoutCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).settimeout(seconds(seconds, "SECONDS"));
    }
}
