package io.sockshell.command;

import io.sockshell.engine.Address;
import io.sockshell.kernel.KernelView;
import io.sockshell.kernel.SocketRow;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "netstat",
        description = {"Show the kernel's TCP sockets on this session's connections, as ss -tan shows them: its "
                + "own sockets, and those no socket of the session holds.",
            "Each line says whose it is: a socket's name; (closed c) for the connection a closed socket left in "
                + "the kernel (FIN_WAIT2, LAST_ACK, TIME_WAIT); (not accepted yet, s) for a connection the kernel "
                + "completed for listener s that no accept has taken; (peer of c) or (client of s) for the far end "
                + "of a connection that no socket of the session holds.",
            "Each connection's two ends stand together, in the order of the session's sockets. KSTATE, RECV-Q and "
                + "SEND-Q are as in sockets (help sockets), read from /proc/net/tcp and tcp6 once the kernel has "
                + "settled."},
        footer = {"", "Lesson: the kernel has sockets no program holds: a connection waiting in the accept queue, "
                + "the peer's end, and TIME_WAIT after a close, which keeps the port from a new bind for a minute."})
public final class NetstatCommand extends ShellCommand {
    public NetstatCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() {
        KernelView.Snapshot snapshot = context.kernel().settled();
        if (snapshot.unavailable() != null) {
            out().println("no kernel view here: " + snapshot.unavailable());
            out().flush();
            return;
        }
        List<KernelView.Entry> entries = snapshot.entries();
        if (entries.isEmpty()) {
            out().println("no TCP socket of this session is in the kernel's table (none is listening, connected, "
                    + "or closed with its connection still there)");
            out().flush();
            return;
        }
        Table table = new Table(List.of(List.of("KSTATE", "RECV-Q", "SEND-Q"), List.of("LOCAL", "PEER"),
                List.of("SOCKET")));
        for (KernelView.Entry entry : entries) {
            SocketRow row = entry.row();
            if (row == null) {
                table.row(entry.state(), "-", "-", "-", "-", entry.label());
                continue;
            }
            table.row(entry.state(), Long.toString(row.receiveQueue()), entry.sendQueueShown(),
                    shown(row.localAddress()), shown(row.remoteAddress()), entry.label());
        }
        for (String line : table.lines(context.width())) {
            out().println(line);
        }
        out().flush();
    }

    /** An address as ss writes it: port 0 (a listener's peer) as {@code *}. */
    private static String shown(Address address) {
        String hostPort = address.hostPort();
        return address.port() == 0 ? hostPort.substring(0, hostPort.lastIndexOf(':') + 1) + "*" : hostPort;
    }
}
