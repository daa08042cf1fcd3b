package io.sockshell.cli;

import io.sockshell.repl.Repl;
import io.sockshell.session.ScriptRunner;
import io.sockshell.session.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code sockshell} command. With no subcommand it is the shell: interactive on a terminal,
 * a script reader when standard input is a file or a pipe.
 */
@Command(name = "sockshell",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = {"Learn and debug TCP/IP sockets by hand, one Python-style call at a time.",
            "With no command, starts the shell; when standard input is not a terminal, runs it as a script.",
            "In the shell, 'help' lists its commands and 'help COMMAND' explains one; 'sockshell reference'"
                + " prints them all (docs/commands.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a command or check failed", "2:usage error"},
        subcommands = {RunCommand.class, CheckCommand.class, RecordCommand.class, ReplayCommand.class,
            JshellCommand.class, ReferenceCommand.class, InstallCommand.class, UninstallCommand.class,
            DiagramCommand.class, ExportCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-k", "--keep-going"}, description = "In a script, run on after a command fails.")
    boolean keepGoing;

    @Option(names = "--trace", description = "Start with trace on: show the system calls of each command.")
    boolean trace;

    @Option(names = "--debug", description = "Show Java stack traces with errors.")
    boolean debug;

    @Option(names = "--no-history", description = "Do not read or save the command history.")
    boolean noHistory;

    @Option(names = "--backend", paramLabel = "nio|posix", scope = ScopeType.INHERIT,
            description = {"The socket backend: posix makes the kernel's own calls (JDK 22+ on Linux),",
                "nio is built on Java's channels (any JDK). Default: posix where it can run, else nio;",
                "--version says which is in use and why."})
    void backend(String name) {
        BackendOption.choose(spec.commandLine(), name);
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 && Terminals.interactive()) {
            // The start users wait for most: with nothing to parse, skip building the subcommands.
            System.exit(new Main().interactive());
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        return line.setParameterExceptionHandler(BackendOption.oneLine(line.getParameterExceptionHandler()));
    }

    @Override
    public Integer call() throws IOException {
        if (Terminals.interactive()) {
            return interactive();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Session session = new Session(out, err)) {
            configure(session);
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return new ScriptRunner(session, err, keepGoing).run(input, "<stdin>");
        }
    }

    /** The shell on this terminal; it records its calls from the start, for the diagram command. */
    private int interactive() throws IOException {
        int status = Repl.runOnSystemTerminal(noHistory ? null : historyFile(), writer -> {
            Session session = new Session(writer, writer);
            configure(session);
            session.recordCalls(true);
            return session;
        });
        return status == 0 ? 0 : 1;
    }

    private void configure(Session session) {
        session.trace().set(trace);
        session.debug().set(debug);
    }

    private static Path historyFile() {
        String configured = System.getenv("SOCKSHELL_HISTORY");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".sockshell_history");
    }
}
