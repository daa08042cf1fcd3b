package io.sockshell.command;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "kill",
        description = {"Cancel background jobs: their blocking calls raise KeyboardInterrupt.",
            "Name jobs as 1 or %%1; their sockets stay usable."})
public final class KillCommand extends ShellCommand {
    @Parameters(arity = "1..*", paramLabel = "JOB")
    List<String> jobs;

    public KillCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        for (String job : jobs) {
            try {
                context.jobs().cancel(jobNumber(job));
            } catch (ShellContext.UnknownJob e) {
                throw new UsageError(e.getMessage());
            }
        }
    }
}
