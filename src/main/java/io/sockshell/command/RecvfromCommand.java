package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "recvfrom",
        description = {"Receive one datagram of up to BUFSIZE bytes and its sender: s.recvfrom(BUFSIZE)."},
        footer = {"", "Lesson: a datagram longer than BUFSIZE is cut short; the rest is lost."})
public final class RecvfromCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "BUFSIZE")
    String bufsize;

    @Mixin
    DataStyleOption style;

    public RecvfromCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(sock(socket).recvfrom(bufsize(bufsize)), style.style());
    }
}
