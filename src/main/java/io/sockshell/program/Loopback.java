package io.sockshell.program;

import io.sockshell.kernel.KernelFiles;
import io.sockshell.kernel.NetTables;
import io.sockshell.kernel.SocketRow;
import io.sockshell.kernel.TcpState;
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
        NetTables tables = NetTables.read(KernelFiles.standard(), false);
        for (List<SocketRow> rows : tables.byInode(inodes).values()) {
            for (SocketRow row : rows) {
                String found = inFlight(row, tables);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String inFlight(SocketRow row, NetTables tables) {
        if (row.listening()) {
            int port = row.localPort();
            for (SocketRow other : tables.rows()) {
                if (other.tcpState() == TcpState.SYN_RECV && other.localPort() == port) {
                    return "a connection to port " + port + " is being set up";
                }
            }
            return null;
        }
        if (row.tcpState() == TcpState.SYN_SENT) {
            return "a connect to " + row.remoteAddress().hostPort() + " is under way";
        }
        if (row.receiveQueue() > 0) {
            // Bytes are waiting to be read: more arriving wakes no one who is not already awake.
            return null;
        }
        String local = row.localKey();
        String remote = row.remoteKey();
        for (SocketRow peer : tables.rows()) {
            if ((peer.sendQueue() > 0 || peer.tcpState() == TcpState.FIN_WAIT1)
                    && peer.localKey().equals(remote) && peer.remoteKey().equals(local)) {
                return "data from " + peer.localAddress().hostPort() + " is on its way";
            }
        }
        return null;
    }
}
