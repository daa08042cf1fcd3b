package io.sockshell.command;

import io.sockshell.engine.SockError;
import io.sockshell.program.Program;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ports",
        description = {"List where a program (and its children) listens, one address a line as Python writes it.",
            "UDP sockets are marked udp. They are found from the kernel (/proc), so a program started on "
                + "port 0 can be found: ('0.0.0.0', 43125). Nothing if it listens on nothing."})
public final class PortsCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM")
    String name;

    public PortsCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() throws SockError {
        for (String port : context.table().holding(name, Program.class, Program.KIND).ports()) {
            out().println(port);
        }
        out().flush();
    }
}
