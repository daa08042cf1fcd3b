package io.sockshell.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "trace",
        description = {"Show (on) or hide (off) the system calls each command makes; trace kernel shows what each "
                + "command changed in the kernel. Without an argument, say which are on.",
            "On the posix backend the calls are the real calls with their real descriptors, strace's way: "
                + "connect(3, {AF_INET, 127.0.0.1:2000}, 16) = -1 ECONNREFUSED (Connection refused). A blocking "
                + "call shows how it waits (O_NONBLOCK set around accept and connect, then poll).",
            "On the nio backend, each call is one line, packetdrill style: bind(s, 0.0.0.0:2000) = 0.",
            "A link (see help link) adds, after each command, one line for each piece a reader took during it: "
                + "| link l: up piece 3 (5 bytes) delivered. For a reader that is a socket of this shell that is "
                + "the command whose recv took it.",
            "trace kernel (trace kernel off ends it) adds, after each command, one line for each change in the "
                + "kernel's TCP table it caused, once the kernel has settled (see help sockets): | kernel: c "
                + "SYN_SENT -> ESTABLISHED, | kernel: conn RECV-Q 5, | kernel: s accept queue 1/1. trace off ends "
                + "both."},
        footer = {"", "Lesson: every command is one or more real system calls; sendall is a loop of send. Between "
                + "the calls the kernel moves each connection on by itself: the handshake completes before accept, "
                + "a FIN is acknowledged, a closed connection waits in TIME_WAIT."})
public final class TraceCommand extends ShellCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off|kernel")
    String state;

    @Parameters(index = "1", arity = "0..1", paramLabel = "on|off")
    String kernelState;

    public TraceCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        if (state == null) {
            out().println(context.trace().shown());
            if (context.kernelTrace().on()) {
                out().println(context.kernelTrace().shown());
            }
            out().flush();
            return;
        }
        if (state.equalsIgnoreCase("kernel")) {
            context.kernelTrace().set(kernelState == null || flag(kernelState, "trace kernel"));
            return;
        }
        if (kernelState != null) {
            throw new UsageError("only trace kernel takes a second word (on or off), not trace " + state);
        }
        boolean on = flag(state, "trace");
        context.trace().set(on);
        if (!on) {
            context.kernelTrace().set(false);
        }
    }
}
