package io.sockshell.command;

import picocli.CommandLine.Command;

@Command(name = "jobs",
        description = {"List background commands (started with & at the end) and whether they are done."})
public final class JobsCommand extends ShellCommand {
    public JobsCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() {
        for (String line : context.jobs().describe()) {
            out().println(line);
        }
        out().flush();
    }
}
