package io.sockshell.command;

import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "setsockopt",
        description = {"Set an option: s.setsockopt(LEVEL, OPTION, VALUE). LEVEL may be left out.",
            "OPTION: SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_BROADCAST, "
                + "TCP_NODELAY, or SO_LINGER ONOFF SECONDS (SO_LINGER 1 0 makes close send a reset)."},
        footer = {"",
            "Lesson: set SO_REUSEADDR before bind so a restarted server can take its port while old "
                + "connections sit in TIME_WAIT."})
public final class SetsockoptCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1..*", arity = "2..4", paramLabel = "[LEVEL] OPTION VALUE", hideParamSyntax = true)
    List<String> words;

    public SetsockoptCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        List<String> rest = Options.dropLevel(words);
        SockOption option = Options.parse(rest.get(0));
        Sock target = sock(socket);
        if (option == SockOption.SO_LINGER) {
            if (rest.size() != 3) {
                throw new UsageError("SO_LINGER takes two values: ONOFF SECONDS, as in setsockopt s SO_LINGER 1 0");
            }
            target.setLinger(flag(rest.get(1), "ONOFF"), integer(rest.get(2), "SECONDS"));
            return;
        }
        if (rest.size() != 2) {
            throw new UsageError(option + " takes one value, as in setsockopt s " + option + " 1");
        }
        target.setsockopt(option, integer(rest.get(1), "VALUE"));
    }
}
