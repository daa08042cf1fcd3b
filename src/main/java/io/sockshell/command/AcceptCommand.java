package io.sockshell.command;

import io.sockshell.engine.Accepted;
import io.sockshell.engine.SockError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "accept",
        description = {"Take the next connection from listening SOCKET: conn, addr = s.accept().",
            "The new socket is called NAME (or conn1, conn2, ...); the client's address is printed.",
            "Blocks until a client connects, unless SOCKET is nonblocking or has a timeout; Ctrl-C cancels."},
        footer = {"",
            "Lesson: accept returns a NEW socket for this one client; the listening socket keeps listening. "
                + "Its port is the server's, the client's port is an ephemeral one."})
public final class AcceptCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "SOCKET")
    String socket;

    @Parameters(index = "1", paramLabel = "NAME", arity = "0..1")
    String name;

    public AcceptCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        context.table().checkFree(name);
        Accepted accepted = sock(socket).accept();
        String chosen;
        try {
            chosen = context.table().add(name, accepted.socket(), "conn");
        } catch (SockError e) {
            accepted.socket().close();
            throw e;
        }
        out().println((name == null ? chosen + " " : "") + accepted.peer().pythonRepr());
        out().flush();
    }
}
