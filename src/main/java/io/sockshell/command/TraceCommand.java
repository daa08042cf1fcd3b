package io.sockshell.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "trace",
        description = {"Show (on) or hide (off) the system calls each command makes. Without an argument, say "
                + "which.",
            "On the posix backend they are the real calls with their real descriptors, strace's way: "
                + "connect(3, {AF_INET, 127.0.0.1:2000}, 16) = -1 ECONNREFUSED (Connection refused). A blocking "
                + "call shows how it waits (O_NONBLOCK set around accept and connect, then poll).",
            "On the nio backend, each call is one line, packetdrill style: bind(s, 0.0.0.0:2000) = 0."},
        footer = {"", "Lesson: every command is one or more real system calls; sendall is a loop of send."})
public final class TraceCommand extends ShellCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off")
    String state;

    public TraceCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        if (state != null) {
            context.trace().set(flag(state, "trace"));
            return;
        }
        out().println(context.trace().shown());
        out().flush();
    }
}
