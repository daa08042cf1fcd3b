package io.sockshell.transcript.shell;

import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import io.sockshell.session.Session;
import io.sockshell.transcript.Party;
import io.sockshell.transcript.PartyKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A sockshell session as a party. Results and errors go to one buffer, in the order they were
 * printed; background jobs report at {@code wait}, never as they happen to finish, so what a
 * step prints does not depend on thread timing.
 */
public final class ShellParty implements Party {
    /** The state column of a line of {@code jobs}, as in {@code [1] running  recv c 1024}. */
    private static final Pattern JOB_STATE = Pattern.compile("^(\\[\\d+]) \\S+\\s+");

    private final StringWriter buffer = new StringWriter();
    private final PrintWriter writer = new PrintWriter(buffer);
    private final Session session = new Session(writer, writer);
    /** Where each step comes from, asked before it runs; null when the party is not recorded. */
    private final Supplier<Source> steps;

    private ShellParty(Supplier<Source> steps) {
        this.steps = steps;
    }

    /** The {@code shell} kind: each party is a session of its own, and takes no arguments. */
    public static PartyKind kind() {
        return PartyKind.withoutArguments("shell", () -> new ShellParty(null));
    }

    /**
     * The {@code shell} kind with every party's calls recorded into {@code recorder} under the
     * party's name; {@code steps} says where each step comes from, asked once before each runs.
     */
    public static PartyKind recordingKind(Recorder recorder, Supplier<Source> steps) {
        PartyKind plain = PartyKind.withoutArguments("shell", () -> new ShellParty(steps));
        return (name, arguments, directory) -> {
            ShellParty party = (ShellParty) plain.start(name, arguments, directory);
            party.session.recordInto(recorder, name);
            return party;
        };
    }

    @Override
    public Output execute(String input) {
        if (steps != null) {
            session.commandsFrom(steps.get());
        }
        int status = session.execute(input);
        writer.flush();
        return new Output(take(), status != Session.OK);
    }

    private String take() {
        StringBuffer text = buffer.getBuffer();
        synchronized (text) {
            String printed = text.toString();
            text.setLength(0);
            return printed;
        }
    }

    @Override
    public Output executeInterruptedWhenBlocked(String input) {
        int status = session.executeInterruptedWhenBlocked(input);
        writer.flush();
        return new Output(take(), status != Session.OK);
    }

    @Override
    public void cancel() {
        session.cancelForeground();
    }

    /**
     * Jobs the transcript never waited for, whether or not they have finished by now (which
     * is timing), then the sockets and files still open.
     */
    @Override
    public List<String> leftovers() {
        return leftoversOf(session);
    }

    /**
     * What a shell session leaves behind, as a transcript lists it: jobs no wait reported
     * (finished or not: that is timing), then the sockets and files still open.
     */
    static List<String> leftoversOf(Session session) {
        List<String> left = new ArrayList<>();
        for (String job : session.jobs().describe()) {
            left.add("job " + JOB_STATE.matcher(job).replaceFirst("$1 ") + " was never waited for");
        }
        for (String open : session.leftovers()) {
            if (!open.startsWith("job ")) {
                left.add(open);
            }
        }
        return left;
    }

    @Override
    public void close() {
        session.close();
    }
}
