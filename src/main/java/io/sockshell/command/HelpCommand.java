package io.sockshell.command;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "help",
        description = {"List the commands, or show one command's syntax and the lesson behind it.",
            "help data explains how to write the data you send; help jobs explains & and wait."})
public final class HelpCommand extends ShellCommand {
    static final String DATA_HELP = String.join("\n",
            "Data arguments (send, sendall, sendto, write, writelines):",
            "  \"GET / HTTP/1.0\\r\\n\\r\\n\"  quoted text with Python escapes: \\n \\r \\t \\\\ \\\" \\xHH \\ooo \\uXXXX",
            "  'abc'                     single quotes work too",
            "  b'abc\\x00'                a Python bytes literal (ASCII only)",
            "  x'48 65 6c 6c 6f'         hex digits (spaces allowed); also hex:48656c6c6f",
            "  @request.txt              the contents of a file",
            "  \"abc\"*10000 or 10000*\"abc\"  repetition, as tms.py does with 10000 * data",
            "  \"abc\"+b'\\r\\n'              joining",
            "  abc                       a bare word is its own text",
            "Text is sent as UTF-8.");
    static final String JOBS_HELP = String.join("\n",
            "Background jobs:",
            "  recv conn 1024 &     runs the command in the background and prints [1] pending: ...",
            "  jobs                 lists the jobs",
            "  wait [1] [-t 5]      waits for jobs and prints their results in job order",
            "  kill 1               cancels a job's blocking call",
            "In an interactive shell a finished job's result is printed above the prompt at once;",
            "in a script it is printed at the next wait, so the output never depends on timing.",
            "Ctrl-C cancels the command in the foreground; the shell and every socket stay as they were.");

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
    String topic;

    public HelpCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws UsageError {
        // A background job runs its command alone, outside the tree; help then builds a tree to list.
        CommandLine root = spec.parent() != null ? spec.parent().commandLine() : Commands.tree(context);
        if (topic == null) {
            out().println("Commands (help COMMAND for details; help data; help jobs):");
            for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
                if (!entry.getKey().equals(entry.getValue().getCommandName())) {
                    continue;
                }
                String[] description = entry.getValue().getCommandSpec().usageMessage().description();
                out().printf("  %-12s %s%n", entry.getKey(), description.length == 0 ? "" : description[0]);
            }
        } else if (topic.equals("data")) {
            out().println(DATA_HELP);
        } else {
            CommandLine command = root.getSubcommands().get(topic);
            if (command == null) {
                throw new UsageError("no command called '" + topic + "' (type help for the list)");
            }
            out().print(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            if (topic.equals("jobs") || topic.equals("wait")) {
                out().println();
                out().println(JOBS_HELP);
            }
        }
        out().flush();
    }
}
