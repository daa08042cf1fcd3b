package io.sockshell.replay;

import io.sockshell.cli.ReplayCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code sockshell replay ARGS} in this JVM, as the command line would, and keeps what it printed. */
public record ReplayRun(int status, String out, String err) {
    public static ReplayRun of(List<String> arguments, String stdin) {
        return run(arguments, stdin, false);
    }

    /** As {@link #of}, with {@code stdin} typed at a terminal (which shows what is typed), all of it ahead. */
    public static ReplayRun typedAhead(List<String> arguments, String stdin) {
        return run(arguments, stdin, true);
    }

    private static ReplayRun run(List<String> arguments, String stdin, boolean terminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ReplayCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = command.execute(arguments.toArray(String[]::new));
        return new ReplayRun(status, out.toString(), err.toString());
    }

    /** Output, then error output under a marker, then the exit status: what a golden file holds. */
    public String transcript() {
        StringBuilder text = new StringBuilder(out);
        if (!err.isEmpty()) {
            text.append("[stderr]\n").append(err);
        }
        return text.append("[exit ").append(status).append("]\n").toString();
    }
}
