package io.sockshell.command;

import io.sockshell.engine.PollEvent;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "poll",
        description = {"Register sockets and poll once: p = select.poll(); p.register(s, POLLIN); p.poll(TIMEOUT).",
            "Prints the ready sockets with their events, e.g. [(conn, POLLIN)].",
            "TIMEOUT is in MILLISECONDS, as in Python; without -t it waits for ever."},
        footer = {"", "Lesson: poll does what select does without select's limit on descriptor numbers."})
public final class PollCommand extends ShellCommand {
    @Option(names = {"-r", "--in"}, split = ",", paramLabel = "SOCKET", description = "Sockets to watch for POLLIN.")
    List<String> in = new ArrayList<>();

    @Option(names = {"-w", "--out"}, split = ",", paramLabel = "SOCKET", description = "Sockets to watch for POLLOUT.")
    List<String> outgoing = new ArrayList<>();

    @Option(names = {"-p", "--pri"}, split = ",", paramLabel = "SOCKET",
            description = "Sockets to watch for POLLPRI (urgent data).")
    List<String> urgent = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "MILLISECONDS", description = "Longest wait; default none.")
    String timeout;

    public PollCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        for (String name : in) {
            interest.merge(registered(name), PollEvent.POLLIN, (a, b) -> a | b);
        }
        for (String name : outgoing) {
            interest.merge(registered(name), PollEvent.POLLOUT, (a, b) -> a | b);
        }
        for (String name : urgent) {
            interest.merge(registered(name), PollEvent.POLLPRI, (a, b) -> a | b);
        }
        Integer millis = timeout == null ? null : integer(timeout, "TIMEOUT");
        List<PollEvent> events = context.table().backend().poll(interest, millis);
        List<String> shown = new ArrayList<>();
        for (PollEvent event : events) {
            shown.add("(" + event.socket().label() + ", " + PollEvent.names(event.events()) + ")");
        }
        out().println("[" + String.join(", ", shown) + "]");
        out().flush();
    }

    /**
     * The socket {@code name}, as {@code p.register(name, ...)} takes it, one name after
     * another: a closed socket's fileno is -1, refused before a later name is even looked up.
     */
    private Sock registered(String name) throws SockError {
        Sock sock = sock(name);
        if (sock.isClosed()) {
            throw SockError.valueError("file descriptor cannot be a negative integer (-1)");
        }
        return sock;
    }
}
