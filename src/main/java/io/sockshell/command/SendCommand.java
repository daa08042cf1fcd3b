package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "send",
        description = {"Send DATA on SOCKET and print how many bytes the OS took: s.send(DATA).",
            "DATA: \"text\\r\\n\", b'bytes\\x00', x'68 69', @file, \"abc\"*10000 (see help data)."},
        footer = {"",
            "Lesson: send may take FEWER bytes than you gave it when the send buffer is full (a nonblocking "
                + "or timed send does; a blocking one on Linux waits until all are queued); check the number, "
                + "loop, or use sendall (tutorial section 4)."})
public final class SendCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    public SendCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        result(sock(socket).send(data(data)));
    }
}
