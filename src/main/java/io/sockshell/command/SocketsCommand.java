package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.Holding;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import java.util.LinkedHashMap;
import io.sockshell.kernel.KernelView;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sockets",
        description = {"Show every socket and file: state, addresses, mode, bytes/calls each way, and the kernel's "
                + "view of each TCP socket.",
            "KSTATE, RECV-Q and SEND-Q are read from the kernel's TCP table (/proc/net/tcp and tcp6, each read once "
                + "for the listing), where each socket finds its row by its addresses: its TCP state, the bytes that "
                + "arrived and are not read yet, and the bytes sent and not yet acknowledged by the peer (a FIN "
                + "counts as one byte in both). For a listening socket RECV-Q is the connections waiting to be "
                + "accepted, and SEND-Q the backlog, as ss shows them: the table does not hold the backlog, so it is "
                + "the one the socket's listen gave the kernel (at most net.core.somaxconn).",
            "A fresh or bound socket has no row: CLOSE. A closed socket shows the state its connection was left in "
                + "(FIN_WAIT2, LAST_ACK, TIME_WAIT) until the kernel lets it go. UDP sockets show -. Where "
                + "there is no such table (not Linux) or /proc cannot be read, the columns say ?, and netstat says why.",
            "The kernel moves connections on by itself (a handshake completes, a FIN is acknowledged after a "
                + "delay), so the listing waits, at most 2 s, until nothing related is moving and every background "
                + "job is done or waiting; --no-kernel leaves the kernel's columns out and does not wait.",
            "Programs and links are listed too, a table for each kind: a program's pid, state (quiet, running, "
                + "exited N) and command; a link's address, target and connections.",
            "Columns that do not fit the terminal's width go on a line of their own under each row."},
        footer = {"", "Lesson: the kernel keeps each connection's state and queues apart from your program; a "
                + "connection completes before accept, data waits in RECV-Q until recv, and a closed connection "
                + "lingers in TIME_WAIT."})
public final class SocketsCommand extends ShellCommand {
    @Option(names = "--no-kernel", description = "Leave out the kernel's columns (KSTATE, RECV-Q, SEND-Q).")
    boolean noKernel;

    public SocketsCommand(ShellContext context) {
        super(context);
    }

    @Override
    protected void run() {
        Map<String, Sock> sockets = context.table().sockets();
        Map<String, Holding> holdings = context.table().holdings();
        if (sockets.isEmpty()) {
            if (holdings.isEmpty()) {
                out().println("no sockets (create one with: socket s)");
            }
            printHoldings(holdings);
            out().flush();
            return;
        }
        KernelView.Snapshot kernel = noKernel ? null : context.kernel().settled();
        List<List<String>> groups = List.of(List.of("NAME", "TYPE", "STATE"), List.of("LOCAL", "PEER"),
                List.of("MODE", "SENT", "RECEIVED"));
        Table table = new Table(noKernel ? groups
                : List.of(groups.get(0), groups.get(1), groups.get(2), List.of("KSTATE", "RECV-Q", "SEND-Q")));
        for (Map.Entry<String, Sock> entry : sockets.entrySet()) {
            Sock sock = entry.getValue();
            SockInfo info = kernel == null ? sock.info() : kernel.info(sock);
            String[] cells = {
                entry.getKey(),
                type(info),
                info.state().label(),
                info.local() == null ? "-" : info.local().hostPort(),
                info.peer() == null ? "-" : info.peer().hostPort(),
                info.mode(),
                info.bytesSent() + "B/" + info.sendCalls(),
                info.bytesReceived() + "B/" + info.recvCalls()};
            if (kernel == null) {
                table.row(cells);
            } else {
                KernelView.Columns columns = kernel.columns(sock);
                table.row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7],
                        columns.state(), columns.receiveQueue(), columns.sendQueue());
            }
        }
        print(table);
        Map<String, LineFile> files = context.table().files();
        if (!files.isEmpty()) {
            Table fileTable = new Table("FILE", "SOCKET", "MODE", "STATE", "BUFFERED");
            for (Map.Entry<String, LineFile> entry : files.entrySet()) {
                LineFile file = entry.getValue();
                fileTable.row(entry.getKey(), file.socket().label(), file.mode(),
                    file.isClosed() ? "closed" : "open", file.buffered() + "B");
            }
            print(fileTable);
        }
        printHoldings(holdings);
        out().flush();
    }

    /** Programs (and any other kind of holding) in a table per kind, in the order they were made. */
    private void printHoldings(Map<String, Holding> holdings) {
        Map<String, Table> tables = new LinkedHashMap<>();
        holdings.forEach((name, holding) -> {
            Table table = tables.computeIfAbsent(holding.kind(),
                    kind -> new Table(holding.columns().toArray(String[]::new)));
            for (List<String> row : holding.rows(name)) {
                table.row(row.toArray(String[]::new));
            }
        });
        tables.values().forEach(this::print);
    }

    private static String type(SockInfo info) {
        return (info.kind() == Kind.SOCK_STREAM ? "tcp" : "udp") + (info.family() == Family.AF_INET ? "4" : "6");
    }

    private void print(Table table) {
        for (String line : table.lines(context.width())) {
            out().println(line);
        }
    }
}
