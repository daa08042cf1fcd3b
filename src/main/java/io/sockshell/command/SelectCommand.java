package io.sockshell.command;

import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "select",
        description = {"Wait until some sockets are ready: select.select(READ, WRITE, EXCEPT, TIMEOUT).",
            "Prints the three lists of ready sockets, e.g. ([conn], [], []).",
            "Without -t it waits for ever (Ctrl-C cancels); -t 0 just looks."},
        footer = {"",
            "Lesson: instead of spinning over nonblocking recv calls (strsvr.py burns a CPU), sleep in "
                + "select until a socket has something for you (tutorial section 7).",
            "A listening socket is readable when accept would not block."})
public final class SelectCommand extends ShellCommand {
    @Option(names = {"-r", "--read"}, split = ",", paramLabel = "SOCKET", description = "Sockets to watch for reading.")
    List<String> read = new ArrayList<>();

    @Option(names = {"-w", "--write"}, split = ",", paramLabel = "SOCKET", description = "Sockets to watch for writing.")
    List<String> write = new ArrayList<>();

    @Option(names = {"-x", "--except"}, split = ",", paramLabel = "SOCKET", description = "Sockets to watch for exceptional conditions.")
    List<String> except = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Longest wait; default none.")
    String timeout;

    public SelectCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        Double seconds = timeout == null ? null : seconds(timeout, "TIMEOUT");
        Readiness<Sock> ready = context.table().backend().select(socks(read), socks(write), socks(except), seconds);
        out().println(ready.map(Sock::label));
        out().flush();
    }

    private List<Sock> socks(List<String> names) throws SockError {
        List<Sock> socks = new ArrayList<>();
        for (String name : names) {
            socks.add(sock(name));
        }
        return socks;
    }
}
