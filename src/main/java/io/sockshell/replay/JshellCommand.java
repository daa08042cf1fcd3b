package io.sockshell.replay;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sockshell jshell}: the JDK's own JShell, with sockshell on the class path, the Python
 * facade imported, and the fast local execution engine (made to let Ctrl-C end a socket wait),
 * so a Java user can try socket calls as freely as in the shell and {@code /open} the
 * tutorial's scripts.
 */
@Command(name = "jshell",
        description = {
            "Starts JShell with sockshell's Python-style facade imported (socket, addr, b, print, select, ...)"
                + " and snippets run in this JVM (JShell's local execution engine), so each runs in milliseconds.",
            "Open a tutorial script with /open jshell-scripts/tms.jsh; give it arguments first with"
                + " setArgv(\"0\"), and its keyboard lines with setInput(\"\") (jshell gives /open no keyboard)."
                + " Ctrl-C ends a socket call that waits, with KeyboardInterrupt."})
public final class JshellCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "JSHELL-ARG", description = "Passed on to jshell, for example a script to run first; put jshell's own options after --.")
    List<String> jshellArguments = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public JshellCommand() {
        this(System.in, System.out, System.err);
    }

    public JshellCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Path startup = Files.createTempFile("sockshell-startup", ".jsh");
        try {
            Files.writeString(startup, startupSnippets(), StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(List.of(
                    "--class-path", FacadeClassPath.location(),
                    "--execution", InterruptibleLocalProvider.NAME,
                    "--startup", "DEFAULT",
                    "--startup", startup.toString()));
            arguments.addAll(jshellArguments);
            out.println(hint());
            return JavaShellToolBuilder.builder()
                    .in(in, null)
                    .out(out)
                    .err(err)
                    .persistence(new HashMap<>())
                    .start(arguments.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** Imports the facade, as the first thing JShell runs. */
    private static String startupSnippets() {
        return "import static io.sockshell.py.Python.*;\n"
                + "import io.sockshell.py.*;\n";
    }

    /** One line on what is ready, and where the tutorial's scripts are when they are at hand. */
    private static String hint() {
        Path scripts = Path.of("jshell-scripts");
        String start = "sockshell: the Python-style facade is imported; try  var s = socket(AF_INET, SOCK_STREAM)";
        return Files.isDirectory(scripts)
                ? start + "  or  setArgv(\"0\")  then  /open " + scripts.resolve("tms.jsh")
                : start;
    }
}
