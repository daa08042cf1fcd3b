package io.sockshell.command;

import io.sockshell.engine.SockError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait",
        description = {"Wait for background jobs and print their results in job order.",
            "Name jobs as 1 or %%1 (none named: all of them). -t bounds the wait in seconds; Ctrl-C stops "
                + "waiting (the jobs go on)."})
public final class WaitCommand extends ShellCommand {
    @Parameters(arity = "0..*", paramLabel = "JOB")
    List<String> jobs = new ArrayList<>();

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Longest wait; default none.")
    String timeout;

    public WaitCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        List<Integer> ids = new ArrayList<>();
        for (String job : jobs) {
            ids.add(jobNumber(job));
        }
        Double seconds = timeout == null ? null : seconds(timeout, "TIMEOUT");
        List<Integer> running;
        try {
            running = context.jobs().await(ids, seconds, report -> {
                out().println(report);
                out().flush();
            });
        } catch (InterruptedException e) {
            throw SockError.interrupted();
        } catch (ShellContext.UnknownJob e) {
            throw new UsageError(e.getMessage());
        }
        if (!running.isEmpty()) {
            throw SockError.timedOut();
        }
    }
}
