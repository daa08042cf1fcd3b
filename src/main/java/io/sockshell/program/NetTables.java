package io.sockshell.program;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}):
 * one row per socket, {@code sl local rem st tx_queue:rx_queue tr tm->when retrnsmt uid
 * timeout inode}, addresses in hex (IPv4 as one 32-bit word, IPv6 as four, each in the host's
 * byte order), ports in hex. A socket is found by the inode its owner's descriptor links to
 * ({@code socket:[INODE]}); a connection not yet accepted, a handshake in progress and a
 * TIME_WAIT have inode 0.
 */
final class NetTables {
    static final int ESTABLISHED = 0x01;
    static final int SYN_SENT = 0x02;
    static final int SYN_RECV = 0x03;
    static final int FIN_WAIT1 = 0x04;
    static final int UDP_UNCONNECTED = 0x07;
    static final int LISTEN = 0x0A;

    /** One row. {@code udp} for the UDP tables; addresses as Python shows them (IPv4-mapped IPv6 kept). */
    record Row(boolean udp, Address local, Address remote, int state, long sendQueue, long receiveQueue, long inode) {
    }

    private final List<Row> rows;

    private NetTables(List<Row> rows) {
        this.rows = rows;
    }

    /** The tables now: TCP only, or TCP and UDP. */
    static NetTables read(boolean withUdp) {
        List<Row> rows = new ArrayList<>();
        parse(ProcFile.readOnce("/proc/net/tcp"), false, rows);
        parse(ProcFile.readOnce("/proc/net/tcp6"), false, rows);
        if (withUdp) {
            parse(ProcFile.readOnce("/proc/net/udp"), true, rows);
            parse(ProcFile.readOnce("/proc/net/udp6"), true, rows);
        }
        return new NetTables(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** The rows of these sockets, by inode. */
    Map<Long, List<Row>> byInode(List<Long> inodes) {
        Map<Long, List<Row>> found = new HashMap<>();
        for (Row row : rows) {
            if (row.inode() != 0 && inodes.contains(row.inode())) {
                found.computeIfAbsent(row.inode(), unused -> new ArrayList<>()).add(row);
            }
        }
        return found;
    }

    private static void parse(String table, boolean udp, List<Row> rows) {
        if (table == null) {
            return;
        }
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].strip().split("\\s+");
            if (fields.length < 10) {
                continue;
            }
            try {
                String[] queues = fields[4].split(":");
                rows.add(new Row(udp, address(fields[1]), address(fields[2]), Integer.parseInt(fields[3], 16),
                        Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16), Long.parseLong(fields[9])));
            } catch (RuntimeException | UnknownHostException notARow) {
                // A line the kernel's format does not explain is not a socket of ours.
            }
        }
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080; an IPv6 address is four such words. */
    static Address address(String field) throws UnknownHostException {
        int colon = field.indexOf(':');
        String hex = field.substring(0, colon);
        int port = Integer.parseInt(field.substring(colon + 1), 16);
        byte[] bytes = new byte[hex.length() / 2];
        // Each 32-bit word is printed as the host stores it: on a little-endian machine (x86,
        // most ARM) its bytes come last first.
        boolean littleEndian = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (littleEndian ? 3 - i : i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        InetAddress inet = InetAddress.getByAddress(bytes);
        if (bytes.length == 16) {
            return Address.of(Family.AF_INET6, new InetSocketAddress(inet, port));
        }
        return Address.of(new InetSocketAddress(inet, port));
    }
}
