package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "signal",
        description = {"Send a signal (INT, TERM, KILL or HUP) to a program's whole process group.",
            "Then show what it printed until quiet or ended, and [signal INT] or [exit N] if it ended."},
        footer = {"", "INT is Ctrl-C at the program's terminal: Python raises KeyboardInterrupt.",
            "  signal srv INT"})
public final class SignalCommand extends ProgramStep {
    @Parameters(index = "0", paramLabel = "PROGRAM")
    String name;

    @Parameters(index = "1", paramLabel = "SIGNAL")
    String signal;

    public SignalCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        show(program(name).signal(signal, quietSeconds()));
    }
}
