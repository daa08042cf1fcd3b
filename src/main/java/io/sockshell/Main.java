package io.sockshell;

import io.sockshell.command.CommandReference;
import io.sockshell.repl.Repl;
import io.sockshell.replay.JshellCommand;
import io.sockshell.replay.ReplayCommand;
import io.sockshell.session.ScriptRunner;
import io.sockshell.session.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code sockshell} command. With no subcommand it is the shell: interactive on a terminal,
 * a script reader when standard input is a file or a pipe.
 */
@Command(name = "sockshell",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Learn and debug TCP/IP sockets by hand, one Python-style call at a time.",
            "With no command, starts the shell; when standard input is not a terminal, runs it as a script."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a command or check failed", "2:usage error"},
        subcommands = {RunCommand.class, CheckCommand.class, RecordCommand.class, ReplayCommand.class,
            JshellCommand.class, Main.Reference.class})
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

    public static void main(String[] args) throws IOException {
        if (args.length == 0 && isInteractive()) {
            // The start users wait for most: with nothing to parse, skip building the subcommands.
            System.exit(new Main().interactive());
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() throws IOException {
        if (isInteractive()) {
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

    /** The shell on this terminal. */
    private int interactive() throws IOException {
        int status = Repl.runOnSystemTerminal(noHistory ? null : historyFile(), writer -> {
            Session session = new Session(writer, writer);
            configure(session);
            return session;
        });
        return status == 0 ? 0 : 1;
    }

    private void configure(Session session) {
        session.trace(trace);
        session.debug(debug);
    }

    private static Path historyFile() {
        String configured = System.getenv("SOCKSHELL_HISTORY");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".sockshell_history");
    }

    /** True when both standard input and output are a terminal (JDK 22+ asks the console itself). */
    private static boolean isInteractive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Prints the command reference that docs/commands.md holds. */
    @Command(name = "reference", description = "Print the shell's command reference as Markdown (docs/commands.md).")
    static final class Reference implements Callable<Integer> {
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

    /** Reads the version Maven wrote into the jar's resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"sockshell " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
