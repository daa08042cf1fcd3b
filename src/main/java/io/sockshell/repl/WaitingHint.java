package io.sockshell.repl;

import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The one dim line a newcomer needs when a command sits waiting (a recv on a quiet socket, an
 * accept before any client): that it waits, that Ctrl-C cancels it, and that {@code &} would
 * have run it in the background. Shown once per command, after it has waited about a second
 * (in a socket call, or for jobs); a command that computes gets none.
 */
final class WaitingHint implements AutoCloseable {
    /** How long a call waits before the hint shows. */
    private static final long AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often, while a command runs, the hint looks whether it waits. */
    private static final long LOOK_MILLIS = 100;

    private final Session session;
    private final Terminal terminal;
    private final boolean color;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "waiting hint");
        thread.setDaemon(true);
        return thread;
    });

    WaitingHint(Session session, Terminal terminal, boolean color) {
        this.session = session;
        this.terminal = terminal;
        this.color = color;
    }

    /** Runs {@code command}, the line {@code line}, showing the hint if it waits; returns its status. */
    int whileRunning(String line, IntSupplier command) {
        boolean[] shown = {false};
        ScheduledFuture<?> looking = clock.scheduleWithFixedDelay(() -> {
            if (!shown[0] && session.foregroundWaitingFor() >= AFTER_NANOS) {
                shown[0] = true;
                show(text(line.strip(), terminal.getWidth()));
            }
        }, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return command.getAsInt();
        } finally {
            looking.cancel(false);
        }
    }

    /**
     * The hint for {@code line}, naming it with its {@code &} when that fits the terminal's width.
     * {@code wait} cannot run in the background: its hint says what Ctrl-C does to it.
     */
    static String text(String line, int width) {
        if (line.equals("wait") || line.startsWith("wait ")) {
            return "(waiting for jobs: Ctrl-C stops waiting; the jobs go on)";
        }
        String named = "(waiting: Ctrl-C cancels it; " + line + " & would run it in the background)";
        return width <= 0 || named.length() <= width ? named
                : "(waiting: Ctrl-C cancels it; a command ending in & runs in the background)";
    }

    private void show(String hint) {
        PrintWriter writer = terminal.writer();
        writer.println(color ? new AttributedString(hint, AttributedStyle.DEFAULT.faint()).toAnsi(terminal) : hint);
        writer.flush();
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
