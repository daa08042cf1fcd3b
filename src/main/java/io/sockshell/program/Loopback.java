package io.sockshell.program;

import java.util.List;

/**
 * Whether something is still on its way to a program over loopback, which would wake it
 * though all its threads wait: a connect the kernel has not finished, or bytes (or a FIN) a
 * local peer sent that the program's side has not taken in yet. On loopback a packet is
 * usually delivered before the sender's call returns, but under load the kernel may leave it to
 * its softirq thread for a moment, and a quiet look then would be too early.
 */
final class Loopback {
    private Loopback() {
    }

    /** What is on its way to these sockets (one short phrase), or null when nothing is. */
    static String inFlight(List<Long> inodes) {
        if (inodes.isEmpty()) {
            return null;
        }
        NetTables tables = NetTables.read(false);
        for (List<NetTables.Row> rows : tables.byInode(inodes).values()) {
            for (NetTables.Row row : rows) {
                String found = inFlight(row, tables);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String inFlight(NetTables.Row row, NetTables tables) {
        if (row.state() == NetTables.LISTEN) {
            int port = row.localPort();
            for (NetTables.Row other : tables.rows()) {
                if (other.state() == NetTables.SYN_RECV && other.localPort() == port) {
                    return "a connection to port " + port + " is being set up";
                }
            }
            return null;
        }
        if (row.state() == NetTables.SYN_SENT) {
            return "a connect to " + row.remoteAddress().hostPort() + " is under way";
        }
        if (row.receiveQueue() > 0) {
            // Bytes are waiting to be read: more arriving wakes no one who is not already awake.
            return null;
        }
        String local = NetTables.endpoint(row.local());
        String remote = NetTables.endpoint(row.remote());
        for (NetTables.Row peer : tables.rows()) {
            if ((peer.sendQueue() > 0 || peer.state() == NetTables.FIN_WAIT1)
                    && NetTables.endpoint(peer.local()).equals(remote) && NetTables.endpoint(peer.remote()).equals(local)) {
                return "data from " + peer.localAddress().hostPort() + " is on its way";
            }
        }
        return null;
    }
}
