package io.sockshell.command;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --full} or {@code --hex} for one command, overriding the session's {@code set display}.
 * The style is read from what Picocli matched on this line, not from the group's fields: Picocli reuses
 * command objects and does not reset an argument group on a line that leaves it out (picocli
 * issues 1536 and 1685), so a style asked for once would stick to every later line.
 */
public final class DataStyleOption {
    @ArgGroup(exclusive = true)
    Choice choice;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** --full, --hex and --short as the command knows them, looked up once: lookups interpolate. */
    private List<OptionSpec> options;

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
        if (options == null) {
            options = List.of(command.findOption("--full"), command.findOption("--hex"), command.findOption("--short"));
        }
        if (given(options.get(0))) {
            return Display.DataStyle.FULL;
        }
        if (given(options.get(1))) {
            return Display.DataStyle.HEX;
        }
        return given(options.get(2)) ? Display.DataStyle.SHORT : null;
    }

    /**
     * Whether this line gave the option. Picocli clears each option's original strings at the
     * start of every parse, so they tell about this line only (and, unlike getParseResult,
     * reading them builds nothing).
     */
    private static boolean given(OptionSpec option) {
        return !option.originalStringValues().isEmpty();
    }
}
