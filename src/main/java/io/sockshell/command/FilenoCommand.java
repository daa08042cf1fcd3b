package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fileno",
        description = {"Print SOCKET's file descriptor: s.fileno(); -1 once it is closed.",
            "On the posix backend this is the kernel's own number (trace shows it in every call).",
            "On the nio backend it raises io.UnsupportedOperation: Java's channels keep their",
            "descriptor to themselves, and a made-up number would mislead (sockshell --backend posix)."},
        footer = {"", "Lesson: to the kernel a socket is a small number in the process's descriptor table, given",
            "lowest-free-first: close one socket and the next one opened may get the same number."})
public final class FilenoCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    public FilenoCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        result(sock(socket).fileno());
    }
}
