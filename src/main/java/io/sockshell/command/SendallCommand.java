package io.sockshell.command;

import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sendall",
        description = {"Send all of DATA on SOCKET, looping over send until done: s.sendall(DATA).",
            "Prints nothing on success (it returns None).",
            "With --repeat N, send DATA N times over: for _ in range(N): s.sendall(DATA), so bulk data "
                + "needs one copy of DATA in memory, not N."},
        footer = {"",
            "Lesson: sendall blocks until every byte is in the OS's hands; if the peer does not read, that "
                + "can be for ever. It says nothing about the peer having received the data."})
public final class SendallCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "DATA")
    String data;

    @Option(names = "--repeat", paramLabel = "N", description = "Send DATA N times (default 1).")
    String repeat;

    public SendallCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        int times = repeat == null ? 1 : integer(repeat, "N");
        if (times < 0) {
            throw new UsageError("sendall --repeat needs N of 0 or more, not " + times);
        }
        Sock sock = sock(socket);
        PyBytes bytes = data(data);
        for (int i = 0; i < times; i++) {
            sock.sendall(bytes);
        }
    }
}
