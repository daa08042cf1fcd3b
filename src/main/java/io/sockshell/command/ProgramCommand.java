package io.sockshell.command;

import io.sockshell.engine.SockError;
import io.sockshell.program.Program;
import io.sockshell.program.ProgramLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "program", modelTransformer = ProgramStep.ArgumentsAfterTheName.class,
        description = {"Start a program (any language) under a NAME and show what it printed once it is quiet.",
            "COMMAND is found on PATH and runs in the current folder, in a process group of its own, its "
                + "keyboard a pipe (type, eof) and its screen one too (output).",
            "Arguments are quoted as in a POSIX shell (\"a b\", 'a b', a\\ b; backslashes in quotes stay, "
                + "so python3 -c \"print('a\\nb')\" works); NAME.port is the port of socket or program NAME."},
        footer = {"", "Quiet: every thread of the program (and of its children) waits for something outside it: "
                + "input, a connection, data, a timer. sockshell reads that from the kernel (/proc), never "
                + "from a clock, so a transcript that drives a program prints the same on every run.",
            "Then: ports NAME finds where it listens; sockets lists it; close NAME ends it.",
            "  program srv python3 examples/tutorial-python/tms.py 0"})
public final class ProgramCommand extends ProgramStep {
    /** {@code NAME.port}: the port of a socket or of another program. */
    private static final Pattern PORT_REFERENCE = Pattern.compile("[A-Za-z_]\\w*\\.port");

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "COMMAND")
    String command;

    @Parameters(index = "2..*", paramLabel = "ARG")
    List<String> arguments = new ArrayList<>();

    public ProgramCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError, UsageError {
        double seconds = quietSeconds();
        context.table().checkFree(name);
        List<String> line = new ArrayList<>();
        line.add(shellWord(command));
        for (String argument : arguments) {
            line.add(argument(argument));
        }
        ProgramLauncher launcher = context.table().shared(ProgramLauncher.class, ProgramLauncher::new);
        Program started = launcher.start(name, line);
        try {
            context.table().hold(name, started);
        } catch (SockError taken) {
            started.close();
            throw taken;
        }
        show(started.settle(seconds));
    }

    private String argument(String raw) throws UsageError, SockError {
        if (PORT_REFERENCE.matcher(raw).matches()) {
            String owner = raw.substring(0, raw.length() - ".port".length());
            if (context.table().find(owner).isPresent() || context.table().held(owner).isPresent()) {
                return Integer.toString(port(raw));
            }
        }
        return shellWord(raw);
    }

    /**
     * A word as a POSIX shell reads it: quotes removed; outside quotes a backslash keeps the
     * next character as it is; inside quotes only a backslash before the quote or another
     * backslash is taken away, so code passed with -c keeps its own escapes.
     */
    static String shellWord(String raw) {
        StringBuilder word = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean escapes = c == '\\' && i + 1 < raw.length();
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (escapes && (quote == 0 || raw.charAt(i + 1) == quote || raw.charAt(i + 1) == '\\')) {
                word.append(raw.charAt(++i));
            } else {
                word.append(c);
            }
        }
        return word.toString();
    }
}
