package io.sockshell.command;

import picocli.CommandLine.Command;

@Command(name = "exit", aliases = "quit",
        description = {"Close every socket and leave the shell (Ctrl-D does the same)."})
public final class ExitCommand extends ShellCommand {
    public ExitCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() {
        context.requestExit();
    }
}
