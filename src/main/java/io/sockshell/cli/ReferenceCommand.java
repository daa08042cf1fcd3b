package io.sockshell.cli;

import io.sockshell.command.CommandReference;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the command reference that docs/commands.md holds. */
@Command(name = "reference", description = "Print the shell's command reference as Markdown (docs/commands.md).")
final class ReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = new Session(out, spec.commandLine().getErr())) {
            out.print(CommandReference.markdown(session.commandTree()));
        }
        out.flush();
        return 0;
    }
}
