package io.sockshell.command;

import io.sockshell.engine.SockError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "getsockopt",
        description = {"Print an option's value: s.getsockopt(LEVEL, OPTION). LEVEL may be left out.",
            "SO_ERROR reports (and clears) the error of a failed nonblocking connect."})
public final class GetsockoptCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1..*", arity = "1..2", paramLabel = "[LEVEL] OPTION")
    List<String> words;

    public GetsockoptCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        List<String> rest = Options.dropLevel(words);
        if (rest.size() != 1) {
            throw new UsageError("getsockopt takes SOCKET [LEVEL] OPTION");
        }
        result(sock(socket).getsockopt(Options.parse(rest.get(0))));
    }
}
