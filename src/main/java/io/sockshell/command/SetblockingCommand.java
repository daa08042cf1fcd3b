package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "setblocking",
        description = {"Make SOCKET blocking (FLAG not 0, or True) or nonblocking (0, or False): s.setblocking(FLAG)."},
        footer = {"",
            "Lesson: a nonblocking recv or accept with nothing ready raises BlockingIOError: [Errno 11] at "
                + "once instead of waiting (tutorial section 6)."})
public final class SetblockingCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "FLAG")
    String flag;

    public SetblockingCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        sock(socket).setblocking(integerFlag(flag, "FLAG"));
    }
}
