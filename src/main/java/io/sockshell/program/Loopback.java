package io.sockshell.program;

import io.sockshell.engine.Address;
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
            for (NetTables.Row other : tables.rows()) {
                if (other.state() == NetTables.SYN_RECV && other.local().port() == row.local().port()) {
                    return "a connection to port " + row.local().port() + " is being set up";
                }
            }
            return null;
        }
        if (row.state() == NetTables.SYN_SENT) {
            return "a connect to " + row.remote().hostPort() + " is under way";
        }
        if (row.receiveQueue() > 0) {
            // Bytes are waiting to be read: more arriving wakes no one who is not already awake.
            return null;
        }
        for (NetTables.Row peer : tables.rows()) {
            if (same(peer.local(), row.remote()) && same(peer.remote(), row.local())
                    && (peer.sendQueue() > 0 || peer.state() == NetTables.FIN_WAIT1)) {
                return "data from " + peer.local().hostPort() + " is on its way";
            }
        }
        return null;
    }

    /** The same endpoint, an IPv4 address and its IPv4-mapped IPv6 form counting as one. */
    private static boolean same(Address a, Address b) {
        return a.port() == b.port() && plain(a.host()).equals(plain(b.host()));
    }

    private static String plain(String host) {
        return host.startsWith("::ffff:") && host.indexOf('.') > 0 ? host.substring("::ffff:".length()) : host;
    }
}
