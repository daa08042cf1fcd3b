package io.sockshell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "help",
        description = {"List the commands, or show one command's syntax and the lesson behind it.",
            "help data explains how to write the data you send; help jobs explains & and wait."})
public final class HelpCommand extends ShellCommand {
    /** Picocli refuses to lay usage out narrower than this. */
    private static final int NARROWEST_USAGE = 55;
    /** The longest term that keeps the definitions beside it in help data. */
    private static final int LONGEST_TERM = 26;

    private static final List<String[]> DATA_FORMS = List.of(
            new String[] {"\"GET / HTTP/1.0\\r\\n\\r\\n\"",
                "quoted text with Python escapes: \\n \\r \\t \\\\ \\\" \\xHH \\ooo \\uXXXX"},
            new String[] {"'abc'", "single quotes work too"},
            new String[] {"b'abc\\x00'", "a Python bytes literal (ASCII only)"},
            new String[] {"x'48 65 6c 6c 6f'", "hex digits (spaces allowed); also hex:48656c6c6f"},
            new String[] {"@request.txt", "the contents of a file"},
            new String[] {"\"abc\"*10000", "repetition, as tms.py does with 10000 * data; 10000*\"abc\" too"
                + " (a count of 0 or less gives b'')"},
            new String[] {"\"abc\"+b'\\r\\n'", "joining"},
            new String[] {"abc", "a bare word is its own text"});
    private static final List<String[]> JOB_COMMANDS = List.of(
            new String[] {"recv conn 1024 &", "runs the command in the background and prints [1] pending: ..."},
            new String[] {"jobs", "lists the jobs"},
            new String[] {"wait [1] [-t 5]", "waits for jobs and prints their results in job order"},
            new String[] {"kill 1", "cancels a job's blocking call"});
    private static final List<String> JOBS_TEXT = List.of(
            "In an interactive shell a finished job's result is printed above the prompt at once; in a script it"
                + " is printed at the next wait, so the output never depends on timing.",
            "Ctrl-C cancels the command in the foreground; the shell and every socket stay as they were.");

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
    String topic;

    public HelpCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        int width = context.width();
        CommandLine root = Commands.tree(context);
        List<String> lines;
        if (topic == null) {
            lines = commandList(root, width);
        } else if (topic.equals("data")) {
            lines = dataHelp(width);
        } else {
            CommandLine command = root.getSubcommands().get(topic);
            if (command == null) {
                throw new UsageError("no command called '" + topic + "' (type help for the list)");
            }
            lines = new ArrayList<>(usage(command, width).lines().toList());
            if (topic.equals("jobs") || topic.equals("wait")) {
                lines.add("");
                lines.addAll(jobsHelp(width));
            }
        }
        for (String line : lines) {
            out().println(line);
        }
        out().flush();
    }

    /** One line (or a few, when narrow) per command: its name and the first sentence of its description. */
    static List<String> commandList(CommandLine root, int width) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
            if (entry.getKey().equals(entry.getValue().getCommandName())) {
                rows.add(new String[] {entry.getKey(), summary(entry.getValue())});
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Commands (help COMMAND for details; help data; help jobs):");
        lines.addAll(Layout.definitions(rows, 2, LONGEST_TERM, width));
        return lines;
    }

    /** The first sentence of a command's description, as Picocli would print it. */
    static String summary(CommandLine command) {
        String[] description = command.getCommandSpec().usageMessage().description();
        if (description.length == 0) {
            return "";
        }
        String first = formatted(description[0]);
        int end = first.indexOf(". ");
        return end < 0 ? first : first.substring(0, end + 1);
    }

    /** A description line with Picocli's format escapes ({@code %%}, {@code %n}) applied, as its usage shows it. */
    private static String formatted(String line) {
        return line.replace("%n", "\n").replace("%%", "%");
    }

    static List<String> dataHelp(int width) {
        List<String> lines = new ArrayList<>();
        lines.add("Data arguments (send, sendall, sendto, write, writelines):");
        lines.addAll(Layout.definitions(DATA_FORMS, 2, LONGEST_TERM, width));
        lines.add("Text is sent as UTF-8.");
        return lines;
    }

    static List<String> jobsHelp(int width) {
        List<String> lines = new ArrayList<>();
        lines.add("Background jobs:");
        lines.addAll(Layout.definitions(JOB_COMMANDS, 2, LONGEST_TERM, width));
        for (String paragraph : JOBS_TEXT) {
            lines.addAll(Layout.wrap("", paragraph, 0, width));
        }
        return lines;
    }

    /**
     * A command's usage as {@code help COMMAND} shows it, laid out to {@code width}: Picocli's
     * sections, with the synopsis wrapped only between its parts, never inside an option.
     */
    static String usage(CommandLine command, int width) {
        command.getCommandSpec().usageMessage().width(Math.max(NARROWEST_USAGE, width));
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(command.getHelpSectionMap());
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> synopsis(command, width));
        command.setHelpSectionMap(sections);
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The synopsis after {@code Usage:}, wrapped at the spaces between its parts with the parts lined up. */
    private static String synopsis(CommandLine command, int width) {
        String heading = command.getCommandSpec().usageMessage().synopsisHeading();
        String line = oneLineSynopsis(command);
        String name = command.getCommandName();
        String lead = heading + " " + name;
        int indent = lead.length() + 1;
        StringBuilder out = new StringBuilder(" " + name);
        int column = lead.length();
        for (String part : topLevelParts(line.substring(name.length()).strip())) {
            if (column + 1 + part.length() > width && column > indent) {
                out.append('\n').append(" ".repeat(indent)).append(part);
                column = indent + part.length();
            } else {
                out.append(' ').append(part);
                column += 1 + part.length();
            }
        }
        return out.append('\n').toString();
    }

    /** The synopsis's parts: split at spaces outside brackets, so {@code [--full | --hex]} stays one part. */
    private static List<String> topLevelParts(String synopsis) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < synopsis.length(); i++) {
            char c = synopsis.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                if (i > start) {
                    parts.add(synopsis.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < synopsis.length()) {
            parts.add(synopsis.substring(start));
        }
        return parts;
    }

    /** A command's synopsis on one line, as a usage error quotes it. */
    public static String oneLineSynopsis(CommandLine command) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        int width = usage.width();
        usage.width(1000);
        try {
            return new CommandLine.Help(command.getCommandSpec(), command.getColorScheme()).synopsis(0).strip();
        } finally {
            usage.width(width);
        }
    }
}
