package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.Holding;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "sockets",
        description = {"Show every socket and file: state, addresses, mode, and bytes/calls each way.",
            "Programs are listed too: pid, state (quiet, running, exited N) and command.",
            "Columns that do not fit the terminal's width go on a line of their own under each row."})
public final class SocketsCommand extends ShellCommand {
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
        Table table = new Table(List.of(List.of("NAME", "TYPE", "STATE"), List.of("LOCAL", "PEER"),
                List.of("MODE", "SENT", "RECEIVED")));
        for (Map.Entry<String, Sock> entry : sockets.entrySet()) {
            SockInfo info = entry.getValue().info();
            table.row(
                entry.getKey(),
                (info.kind() == Kind.SOCK_STREAM ? "tcp" : "udp") + (info.family() == Family.AF_INET ? "4" : "6"),
                info.state().label(),
                info.local() == null ? "-" : info.local().hostPort(),
                info.peer() == null ? "-" : info.peer().hostPort(),
                info.mode(),
                info.bytesSent() + "B/" + info.sendCalls(),
                info.bytesReceived() + "B/" + info.recvCalls());
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

    private void print(Table table) {
        for (String line : table.lines(context.width())) {
            out().println(line);
        }
    }
}
