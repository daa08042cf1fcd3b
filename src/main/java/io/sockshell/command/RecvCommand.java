package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "recv",
        description = {"Receive up to BUFSIZE bytes from SOCKET: s.recv(BUFSIZE).",
            "Blocks until some data arrives (Ctrl-C cancels), unless nonblocking or timed out.",
            "With --until-eof, call recv(BUFSIZE) until it returns b'' and print only the total: 1048576 "
                + "bytes in 17 calls (for moving bulk data without showing it)."},
        footer = {"",
            "Lesson: recv returns whatever has arrived, from 1 byte up to BUFSIZE: TCP is one stream of "
                + "bytes, not messages. b'' means the peer closed or shut down its side."})
public final class RecvCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "BUFSIZE")
    String bufsize;

    @Option(names = "--until-eof", description = "Loop until b'' and print only the byte and call counts.")
    boolean untilEof;

    @Mixin
    DataStyleOption style;

    public RecvCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        if (!untilEof) {
            result(sock(socket).recv(bufsize(bufsize)), style.style());
            return;
        }
        int size = bufsize(bufsize);
        if (size == 0) {
            throw new UsageError("recv --until-eof needs a BUFSIZE above 0 (recv(0) is always b'')");
        }
        Sock sock = sock(socket);
        long total = 0;
        long calls = 0;
        while (true) {
            int got = sock.recvLength(size);
            calls++;
            if (got == 0) {
                break;
            }
            total += got;
        }
        out().println(total + " bytes in " + calls + " calls");
        out().flush();
    }
}
