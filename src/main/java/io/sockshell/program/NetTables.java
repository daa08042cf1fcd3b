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
    static final int SYN_SENT = 0x02;
    static final int SYN_RECV = 0x03;
    static final int FIN_WAIT1 = 0x04;
    static final int LISTEN = 0x0A;

    /**
     * One row, its addresses as the kernel wrote them ({@code 0100007F:1F90}); {@code udp} for
     * the UDP tables. A table can run to tens of thousands of rows on a busy machine, so only
     * what every row needs is decoded, and addresses only when asked for.
     */
    record Row(boolean udp, String local, String remote, int state, long sendQueue, long receiveQueue, long inode) {
        /** Where it is bound, as Python shows it (an IPv4-mapped IPv6 address stays one). */
        Address localAddress() {
            return address(local);
        }

        Address remoteAddress() {
            return address(remote);
        }

        int localPort() {
            return Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
        }
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

    /**
     * The same endpoint whichever table it is in: an IPv6 socket's IPv4-mapped address
     * ({@code ::ffff:127.0.0.1}) and the IPv4 socket at the other end of its connection
     * ({@code 127.0.0.1}) name one address.
     */
    static String endpoint(String field) {
        return field.length() == 37 && field.startsWith(IPV4_MAPPED) ? field.substring(IPV4_MAPPED.length()) : field;
    }

    /** The first 96 bits of an IPv4-mapped IPv6 address, in /proc's words: ::ffff: is 0000ffff in the third. */
    private static final String IPV4_MAPPED = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
            ? "0000000000000000FFFF0000" : "00000000000000000000FFFF";

    private static void parse(String table, boolean udp, List<Row> rows) {
        if (table == null) {
            return;
        }
        String[] fields = new String[10];
        int lineStart = table.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart < table.length()) {
            int lineEnd = table.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = table.length();
            }
            if (split(table, lineStart, lineEnd, fields)) {
                try {
                    int colon = fields[4].indexOf(':');
                    rows.add(new Row(udp, fields[1], fields[2], Integer.parseInt(fields[3], 16),
                            Long.parseLong(fields[4], 0, colon, 16),
                            Long.parseLong(fields[4], colon + 1, fields[4].length(), 16), Long.parseLong(fields[9])));
                } catch (RuntimeException notARow) {
                    // A line the kernel's format does not explain is not a socket of ours.
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    /** The first ten space-separated fields of a line into {@code fields}; false if it has fewer. */
    private static boolean split(String text, int start, int end, String[] fields) {
        int field = 0;
        int i = start;
        while (field < fields.length) {
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= end) {
                return false;
            }
            int wordStart = i;
            while (i < end && text.charAt(i) != ' ') {
                i++;
            }
            fields[field++] = text.substring(wordStart, i);
        }
        return true;
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080; an IPv6 address is four such words. */
    static Address address(String field) {
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
        InetAddress inet;
        try {
            inet = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException notFourOrSixteenBytes) {
            throw new IllegalArgumentException("not an address: " + field, notFourOrSixteenBytes);
        }
        if (bytes.length == 16) {
            return Address.of(Family.AF_INET6, new InetSocketAddress(inet, port));
        }
        return Address.of(new InetSocketAddress(inet, port));
    }
}
