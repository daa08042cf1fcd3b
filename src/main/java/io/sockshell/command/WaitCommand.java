package io.sockshell.command;

import io.sockshell.engine.SockError;
import io.sockshell.program.Program;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait",
        description = {"Wait for background jobs and print their results in job order.",
            "Name jobs as 1 or %%1 (none named: all of them). -t bounds the wait in seconds; Ctrl-C stops "
                + "waiting (the jobs go on).",
            "wait NAME waits for program NAME to exit: what it printed, then [exit N] (or [signal INT])."})
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
        List<String> programs = new ArrayList<>();
        for (String job : jobs) {
            if (context.table().held(job).isPresent()) {
                programs.add(job);
            } else {
                ids.add(jobNumber(job));
            }
        }
        Double seconds = timeout == null ? null : seconds(timeout, "TIMEOUT");
        for (String name : programs) {
            Program.Shown shown = context.table().holding(name, Program.class, Program.KIND).awaitExit(seconds);
            out().print(shown.output());
            out().println(shown.exit());
            out().flush();
        }
        if (!programs.isEmpty() && ids.isEmpty()) {
            return;
        }
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
