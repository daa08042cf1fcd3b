package io.sockshell.command;

import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SockError;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "shutdown",
        description = {"Close one direction of SOCKET's connection: s.shutdown(HOW).",
            "HOW is rd, wr or rdwr (or SHUT_RD, SHUT_WR, SHUT_RDWR)."},
        footer = {"",
            "Lesson: shutdown wr sends the peer an end of stream (its recv returns b'') while you can still "
                + "receive its answer: a half-close. close would give up both directions."})
public final class ShutdownCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "HOW")
    String how;

    public ShutdownCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).shutdown(parse(how));
    }

    static ShutdownHow parse(String word) throws UsageError {
        String upper = word.toUpperCase(Locale.ROOT);
        return switch (upper.startsWith("SHUT_") ? upper.substring(5) : upper) {
            case "RD", "0" -> ShutdownHow.SHUT_RD;
            case "WR", "1" -> ShutdownHow.SHUT_WR;
            case "RDWR", "2" -> ShutdownHow.SHUT_RDWR;
            default -> throw new UsageError("HOW must be rd, wr or rdwr, not '" + word + "'");
        };
    }
}
