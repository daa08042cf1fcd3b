package io.sockshell.cli;

import io.sockshell.replay.JshellTool;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sockshell jshell}: the JDK's JShell with sockshell's Python-style facade ready to use. */
@Command(name = "jshell",
        description = {
            "Starts JShell with sockshell's Python-style facade imported (socket, addr, b, print, select, ...)"
                + " and snippets run in this JVM (JShell's local execution engine), so each runs in milliseconds.",
            "Open a tutorial script with /open jshell-scripts/tms.jsh; give it arguments first with"
                + " setArgv(\"0\"), and its keyboard lines with setInput(\"\") (jshell gives /open no keyboard)."
                + " Ctrl-C ends a socket call that waits, with KeyboardInterrupt."})
public final class JshellCommand implements Callable<Integer> {
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
        return JshellTool.run(in, out, err, jshellArguments);
    }
}
