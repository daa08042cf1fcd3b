package io.sockshell.command;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --full} or {@code --hex} for one command, overriding the session's {@code set display}. */
public final class DataStyleOption {
    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--full", description = "Show the data whole.")
        boolean full;

        @Option(names = "--hex", description = "Show the data as a hex dump.")
        boolean hex;

        @Option(names = "--short", description = "Shorten long data to its start and length.")
        boolean shortened;
    }

    /** The style asked for, or null to use the session's. */
    public Display.DataStyle style() {
        if (choice == null) {
            return null;
        }
        return choice.full ? Display.DataStyle.FULL : choice.hex ? Display.DataStyle.HEX : Display.DataStyle.SHORT;
    }
}
