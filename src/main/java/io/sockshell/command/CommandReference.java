package io.sockshell.command;

import java.util.Map;
import picocli.CommandLine;

/**
 * The shell's command reference in Markdown, rendered from the commands' own Picocli
 * annotations as {@code help} shows them at 80 columns, so the document cannot drift from the code.
 */
public final class CommandReference {
    private CommandReference() {
    }

    public static String markdown(CommandLine tree) {
        StringBuilder out = new StringBuilder();
        out.append("# sockshell command reference\n\n");
        out.append("Generated from the commands themselves by `./sockshell reference`; do not edit by hand.\n");
        out.append("Each command is one call of Python's `socket` module. Type `help COMMAND` in the shell for the same text.\n\n");
        for (Map.Entry<String, CommandLine> entry : tree.getSubcommands().entrySet()) {
            CommandLine command = entry.getValue();
            if (!entry.getKey().equals(command.getCommandName())) {
                continue;
            }
            out.append("- [`").append(entry.getKey()).append("`](#").append(anchor(entry.getKey())).append(")\n");
        }
        out.append('\n');
        for (Map.Entry<String, CommandLine> entry : tree.getSubcommands().entrySet()) {
            CommandLine command = entry.getValue();
            if (!entry.getKey().equals(command.getCommandName())) {
                continue;
            }
            out.append("## ").append(entry.getKey()).append("\n\n```\n");
            out.append(HelpCommand.usage(command, Layout.DEFAULT_WIDTH).stripTrailing());
            out.append("\n```\n\n");
        }
        out.append("## Data arguments\n\n```\n")
                .append(String.join("\n", HelpCommand.dataHelp(Layout.DEFAULT_WIDTH))).append("\n```\n\n");
        out.append("## Background jobs\n\n```\n")
                .append(String.join("\n", HelpCommand.jobsHelp(Layout.DEFAULT_WIDTH))).append("\n```\n");
        return out.toString();
    }

    private static String anchor(String name) {
        return name;
    }
}
