package io.sockshell.transcript;

import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * A sockshell session as a party. Results and errors go to one buffer, in the order they were
 * printed; background jobs report at {@code wait}, never as they happen to finish, so what a
 * step prints does not depend on thread timing.
 */
final class ShellParty implements Party {
    private final StringWriter buffer = new StringWriter();
    private final PrintWriter writer = new PrintWriter(buffer);
    private final Session session = new Session(writer, writer);

    private ShellParty() {
    }

    static ShellParty start(List<String> arguments) throws PartyKind.PartyStartException {
        if (!arguments.isEmpty()) {
            throw new PartyKind.PartyStartException("a shell party takes no arguments, but got: "
                    + String.join(" ", arguments));
        }
        return new ShellParty();
    }

    @Override
    public Output execute(String input) {
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
    public void cancel() {
        session.cancelForeground();
    }

    @Override
    public List<String> leftovers() {
        return session.leftovers();
    }

    @Override
    public void close() {
        session.trace(false);
        session.close();
    }
}
