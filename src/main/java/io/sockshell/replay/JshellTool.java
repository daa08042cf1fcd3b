package io.sockshell.replay;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import jdk.jshell.tool.JavaShellToolBuilder;

/**
 * The JDK's own JShell tool, with sockshell on the class path, the Python facade imported, and
 * the fast local execution engine (made to let Ctrl-C end a socket wait), so a Java user can
 * try socket calls as freely as in the shell and {@code /open} the tutorial's scripts.
 */
public final class JshellTool {
    private JshellTool() {
    }

    /** Runs JShell on these streams until it ends; {@code jshellArguments} are passed on. */
    public static int run(InputStream in, PrintStream out, PrintStream err, List<String> jshellArguments)
            throws Exception {
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
