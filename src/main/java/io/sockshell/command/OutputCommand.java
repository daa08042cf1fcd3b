package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "output",
        description = {"Show what a program printed since it was last shown, once it is quiet.",
            "Nothing if it printed nothing; [exit N] once it has ended."},
        footer = {"", "After the shell's socket connects to a program's server, output srv shows what the "
                + "server printed about it (tms.py: client is at ('127.0.0.1', 50412))."})
public final class OutputCommand extends ProgramStep {
    @Parameters(index = "0", paramLabel = "PROGRAM")
    String name;

    public OutputCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        show(program(name).settle(quietSeconds()));
    }
}
