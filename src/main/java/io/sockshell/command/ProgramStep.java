package io.sockshell.command;

import io.sockshell.engine.SockError;
import io.sockshell.program.Program;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * A command that talks to a program the shell started and then shows what it printed until
 * it was quiet: {@code program}, {@code type}, {@code output}, {@code eof}, {@code signal}.
 */
abstract class ProgramStep extends ShellCommand {
    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Longest wait for the program to go quiet; default 4 (a transcript's step bound is 5).")
    String timeout;

    protected ProgramStep(ShellContext context) {
        super(context);
    }

    protected Program program(String name) throws SockError {
        return context.table().holding(name, Program.class, Program.KIND);
    }

    protected double quietSeconds() throws UsageError {
        Double seconds = timeout == null ? Program.DEFAULT_QUIET_SECONDS : seconds(timeout, "TIMEOUT");
        if (seconds == null || seconds <= 0) {
            throw new UsageError("TIMEOUT must be a positive number of seconds, not '" + timeout + "'");
        }
        return seconds;
    }

    /**
     * Prints what the program printed, then its exit if this step is the first to see it; a
     * program that did not go quiet makes the step fail with a TimeoutError saying what it did.
     */
    protected void show(Program.Shown shown) throws SockError {
        out().print(shown.output());
        if (shown.exit() != null) {
            out().println(shown.exit());
        }
        out().flush();
        if (shown.notQuiet() != null) {
            throw SockError.plain("TimeoutError", shown.notQuiet() + " (its output so far is above; -t SECONDS waits"
                    + " longer)");
        }
    }

    /**
     * Every word after the first positional one belongs to the program ({@code -c}, {@code -t}
     * included), as after a shell's command name; the command's own options come before it.
     */
    public static final class ArgumentsAfterTheName implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }
}
