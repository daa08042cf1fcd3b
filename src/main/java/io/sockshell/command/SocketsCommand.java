package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.Holding;
import io.sockshell.engine.Kind;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "sockets",
        description = {"Show every socket and file: state, addresses, mode, and bytes/calls each way; and every",
            "program: its pid, state (quiet, running, exited N) and command."})
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
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "TYPE", "STATE", "LOCAL", "PEER", "MODE", "SENT", "RECEIVED"});
        for (Map.Entry<String, Sock> entry : sockets.entrySet()) {
            SockInfo info = entry.getValue().info();
            rows.add(new String[] {
                entry.getKey(),
                (info.kind() == Kind.SOCK_STREAM ? "tcp" : "udp") + (info.family() == Family.AF_INET ? "4" : "6"),
                info.state().label(),
                info.local() == null ? "-" : info.local().hostPort(),
                info.peer() == null ? "-" : info.peer().hostPort(),
                info.mode(),
                info.bytesSent() + "B/" + info.sendCalls(),
                info.bytesReceived() + "B/" + info.recvCalls()});
        }
        printTable(rows);
        Map<String, LineFile> files = context.table().files();
        if (!files.isEmpty()) {
            List<String[]> fileRows = new ArrayList<>();
            fileRows.add(new String[] {"FILE", "SOCKET", "MODE", "STATE", "BUFFERED"});
            for (Map.Entry<String, LineFile> entry : files.entrySet()) {
                LineFile file = entry.getValue();
                fileRows.add(new String[] {entry.getKey(), file.socket().label(), file.mode(),
                    file.isClosed() ? "closed" : "open", file.buffered() + "B"});
            }
            printTable(fileRows);
        }
        printHoldings(holdings);
        out().flush();
    }

    /** Programs (and any other kind of holding) in a table per kind, in the order they were made. */
    private void printHoldings(Map<String, Holding> holdings) {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        holdings.forEach((name, holding) -> {
            List<String[]> rows = tables.computeIfAbsent(holding.kind(), kind -> {
                List<String[]> table = new ArrayList<>();
                table.add(holding.columns().toArray(new String[0]));
                return table;
            });
            for (List<String> row : holding.rows(name)) {
                rows.add(row.toArray(new String[0]));
            }
        });
        tables.values().forEach(this::printTable);
    }

    private void printTable(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out().println(line.toString().stripTrailing());
        }
    }
}
