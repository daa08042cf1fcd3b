package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "recv",
        description = {"Receive up to BUFSIZE bytes from SOCKET: s.recv(BUFSIZE).",
            "Blocks until some data arrives (Ctrl-C cancels), unless nonblocking or timed out."},
        footer = {"", "Lesson: recv returns whatever has arrived, from 1 byte up to BUFSIZE: TCP is one",
            "stream of bytes, not messages. b'' means the peer closed or shut down its side."})
public final class RecvCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "BUFSIZE")
    String bufsize;

    @Mixin
    DataStyleOption style;

    public RecvCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(sock(socket).recv(bufsize(bufsize)), style.style());
    }
}
