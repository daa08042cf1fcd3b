package io.sockshell.replay;

import io.sockshell.py.runtime.KeyboardLines;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Pauses before each snippet when stepping: Enter runs it, {@code c} runs the rest without
 * pausing, {@code q} quits. Reads whole lines, so it works the same on a terminal and a pipe;
 * the end of input runs the rest.
 */
final class Stepper {
    enum Choice { RUN, QUIT }

    private final KeyboardLines in;
    private final PrintWriter out;
    private boolean stepping;

    Stepper(KeyboardLines in, PrintWriter out, boolean stepping) {
        this.in = in;
        this.out = out;
        this.stepping = stepping;
    }

    synchronized Choice before(String where) {
        while (stepping) {
            // An answer typed while the last step ran (an extra Enter) was shown then: this
            // prompt's line is ended here, or the step's output would go on after it.
            boolean typedAhead = in.typedAhead();
            out.print("[" + where + "] Enter: run it   c: run to the end   q: quit > ");
            out.flush();
            String answer;
            try {
                answer = in.readLine();
            } catch (IOException e) {
                answer = null;
            }
            if (in.echoes() || typedAhead) {
                out.println(answer == null ? "" : answer);
            }
            if (answer == null || answer.trim().equalsIgnoreCase("c")) {
                stepping = false;
            } else if (answer.trim().equalsIgnoreCase("q")) {
                return Choice.QUIT;
            } else if (answer.isBlank()) {
                return Choice.RUN;
            }
        }
        return Choice.RUN;
    }
}
