package io.sockshell.command;

import io.sockshell.conversation.Conversation;
import io.sockshell.engine.SocketTable;
import io.sockshell.kernel.KernelView;
import java.util.List;
import java.util.function.Consumer;

/** What commands may use of the session they run in. */
public interface ShellContext {
    SocketTable table();

    Display display();

    /**
     * How many columns output may use: the terminal's width, or {@link Layout#DEFAULT_WIDTH}
     * when the output is not a terminal. Help and tables are laid out to it.
     */
    int width();

    /** Whether the system calls each command makes are shown ({@code trace on}). */
    Switch trace();

    /** Whether each command is followed by the kernel changes it caused ({@code trace kernel}). */
    Switch kernelTrace();

    /** The session's sockets as the kernel sees them: states and queues from its tables. */
    KernelView kernel();

    /** Whether errors show their Java stack trace ({@code set debug on}). */
    Switch debug();

    /** Background jobs, as the {@code jobs}, {@code wait} and {@code kill} commands see them. */
    JobControl jobs();

    /** The lines the session has run so far, in order, as typed (the one running now not included). */
    List<String> history();

    /** Ends the session once the current command returns. */
    void requestExit();

    /** Whether the session records its calls for {@code diagram} ({@code set diagram on}). */
    boolean recordingCalls();

    /** Starts (true) or stops recording the session's calls; what was recorded stays. */
    void recordCalls(boolean on);

    /** The calls the session recorded while recording was on; empty if it never was. */
    Conversation recordedCalls();

    /** The terminal's width in columns; 80 when the session is not on a terminal. */
    int terminalWidth();

    /** Control over background jobs. */
    interface JobControl {
        /** One line per job: {@code [1] running  recv conn 1024}. */
        List<String> describe();

        /**
         * Waits for the given jobs (all when empty) up to {@code timeoutSeconds} (null: for ever),
         * passing each finished job's report to {@code report} in job order. Returns the ids
         * still running.
         */
        List<Integer> await(List<Integer> ids, Double timeoutSeconds, Consumer<String> report) throws
                InterruptedException, UnknownJob;

        void cancel(int id) throws UnknownJob;

        /** The jobs that have finished and whose results no {@code wait} has reported yet, in job order. */
        List<Integer> finished();
    }

    /** A setting that is on or off; background jobs read it on their own threads. */
    final class Switch {
        private final String name;
        private volatile boolean on;

        public Switch(String name) {
            this.name = name;
        }

        public boolean on() {
            return on;
        }

        public void set(boolean on) {
            this.on = on;
        }

        /** As {@code set} and {@code trace} show it: {@code trace on}. */
        public String shown() {
            return name + (on ? " on" : " off");
        }
    }

    /** A job number that names no job. */
    final class UnknownJob extends Exception {
        public UnknownJob(int id) {
            super("no such job: %" + id);
        }
    }
}
