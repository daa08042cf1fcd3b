package io.sockshell.command;

import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "eof",
        description = {"Close a program's keyboard (its standard input) and show what it printed until quiet.",
            "It is what Ctrl-D does at a terminal: a program reading its input sees the end (Python's "
                + "input() raises EOFError, sys.stdin.read() returns '')."})
public final class EofCommand extends ProgramStep {
    @Parameters(index = "0", paramLabel = "PROGRAM")
    String name;

    public EofCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        show(program(name).eof(quietSeconds()));
    }
}
