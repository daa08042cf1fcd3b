package io.sockshell.command;

import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlink",
        description = {"Remove the file at PATH: os.unlink(PATH).",
            "PATH is written as bind takes an AF_UNIX path: a word, or quoted text."},
        footer = {"", "Lesson: close leaves an AF_UNIX socket's file behind; a server started again",
            "on the path gets [Errno 98] Address already in use until the file is removed."})
public final class UnlinkCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    public UnlinkCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        SocketFile.unlink(path(path));
    }
}
