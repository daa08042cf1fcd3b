package io.sockshell.command;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --full} or {@code --hex} for one command, overriding the session's {@code set display}.
 * The style is read from the line's parse result, not from the group's fields: Picocli reuses
 * command objects and does not reset an argument group on a line that leaves it out (picocli
 * issues 1536 and 1685), so a style asked for once would stick to every later line.
 */
public final class DataStyleOption {
    @ArgGroup(exclusive = true)
    Choice choice;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    static final class Choice {
        @Option(names = "--full", description = "Show the data whole.")
        boolean full;

        @Option(names = "--hex", description = "Show the data as a hex dump.")
        boolean hex;

        @Option(names = "--short", description = "Shorten long data to its start and length.")
        boolean shortened;
    }

    /** The style asked for on this line, or null to use the session's. */
    public Display.DataStyle style() {
        ParseResult line = command.commandLine().getParseResult();
        if (line.hasMatchedOption("--full")) {
            return Display.DataStyle.FULL;
        }
        if (line.hasMatchedOption("--hex")) {
            return Display.DataStyle.HEX;
        }
        return line.hasMatchedOption("--short") ? Display.DataStyle.SHORT : null;
    }
}
