package io.sockshell.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs commands read line by line with no prompt, as {@code sockshell < session.txt} does.
 * Stops at the first failing command unless told to keep going. Background jobs report at
 * {@code wait}; any still running at the end are cancelled and named.
 */
public final class ScriptRunner {
    private final Session session;
    private final PrintWriter err;
    private final boolean keepGoing;

    public ScriptRunner(Session session, PrintWriter err, boolean keepGoing) {
        this.session = session;
        this.err = err;
        this.keepGoing = keepGoing;
    }

    /** Runs every line; returns 0 if all worked, 1 if any failed, 2 if the input could not be read. */
    public int run(BufferedReader input, String sourceName) {
        int status = 0;
        int lineNumber = 0;
        try {
            String line;
            while ((line = input.readLine()) != null) {
                lineNumber++;
                int result = session.execute(line);
                if (result != Session.OK) {
                    status = 1;
                    if (!keepGoing) {
                        err.println(sourceName + ":" + lineNumber + ": stopped at this line ("
                                + "use --keep-going to run on after errors)");
                        break;
                    }
                }
                if (session.exitRequested()) {
                    break;
                }
            }
        } catch (IOException e) {
            err.println("error: cannot read " + sourceName + ": " + e.getMessage());
            status = 2;
        }
        finish();
        err.flush();
        return status;
    }

    private void finish() {
        try {
            session.jobs().await(List.of(), 0.0, report -> {
                session.out().println(report);
            });
        } catch (InterruptedException | io.sockshell.command.ShellContext.UnknownJob e) {
            Thread.currentThread().interrupt();
        }
        for (String left : session.leftovers()) {
            if (left.startsWith("job ")) {
                err.println("note: " + left + " at end of input; cancelled");
            }
        }
    }
}
