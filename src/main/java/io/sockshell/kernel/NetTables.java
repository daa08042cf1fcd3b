package io.sockshell.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel's socket tables at one moment: {@code /proc/net/tcp} and {@code tcp6}, and
 * {@code udp} and {@code udp6} when asked for, each file read once. This is the tree's one
 * reader of those files; everything that needs a socket's kernel state (the shell's
 * {@code sockets} and {@code netstat}, a program's ports) asks a snapshot of it.
 *
 * <p>Where the files cannot be read (not Linux, {@code /proc} absent or unreadable) the
 * snapshot is empty and {@link #unavailable()} says why; nothing fails.
 */
public final class NetTables {
    private final List<SocketRow> rows;
    private final String unavailable;
    /** Where {@code tcp6} is still to be read from, or null once it has been (or is not to be). */
    private KernelFiles sixToRead;
    private Map<Pair, SocketRow> byPair;
    private Map<String, SocketRow> listeners;
    private Map<Integer, List<SocketRow>> byLocalPort;

    private NetTables(List<SocketRow> rows, String unavailable) {
        this.rows = rows;
        this.unavailable = unavailable;
    }

    /** The TCP tables of this system now. */
    public static NetTables tcp() {
        return read(KernelFiles.standard(), false);
    }

    /** The TCP tables, and with {@code withUdp} the UDP tables too, read from {@code files}. */
    public static NetTables read(KernelFiles files, boolean withUdp) {
        NetTables tables = readTcp(files);
        if (tables.unavailable == null) {
            tables.readSix(files);
            if (withUdp) {
                tables.rows.addAll(readTable(files, "udp"));
                tables.rows.addAll(readTable(files, "udp6"));
            }
        }
        return tables;
    }

    /**
     * The TCP tables for looking up sockets of a session with no IPv6 socket: {@code tcp6} is
     * read only when a lookup finds nothing in {@code tcp}, or when every row is asked for. An
     * IPv4 socket's connection, listener and connections not accepted yet are all in
     * {@code tcp}; only its peer may be an IPv6 socket (a dual-stack server's). The kernel
     * writes {@code tcp6} by walking every TCP socket of the system, as it does {@code tcp},
     * so a listing saves that walk whenever nothing needs it. Lookups are for one thread at a time.
     */
    public static NetTables readForIpv4(KernelFiles files) {
        NetTables tables = readTcp(files);
        if (tables.unavailable == null) {
            tables.sixToRead = files;
        }
        return tables;
    }

    private static NetTables readTcp(KernelFiles files) {
        Optional<String> notLinux = files.notLinux();
        if (notLinux.isPresent()) {
            return new NetTables(List.of(), notLinux.get());
        }
        List<SocketRow> rows = new ArrayList<>();
        try {
            parse(Files.readAllBytes(files.netFile("tcp")), false, rows);
        } catch (IOException | SecurityException e) {
            return new NetTables(List.of(), files.netFile("tcp") + " cannot be read ("
                    + (e instanceof NoSuchFileException ? "there is no such file" : e.getMessage()) + ")");
        }
        return new NetTables(onePerSocket(rows), null);
    }

    private void readSix(KernelFiles files) {
        sixToRead = null;
        List<SocketRow> six = readTable(files, "tcp6");
        rows.addAll(six);
        if (byPair != null) {
            index(six);
        }
    }

    /** Whether {@code tcp6} was still to be read, and now is. */
    private boolean readSixIfLeft() {
        if (sixToRead == null) {
            return false;
        }
        readSix(sixToRead);
        return true;
    }

    /** One more table's rows, each socket once; none where it cannot be read. */
    private static List<SocketRow> readTable(KernelFiles files, String name) {
        List<SocketRow> rows = new ArrayList<>();
        try {
            parse(Files.readAllBytes(files.netFile(name)), name.startsWith("udp"), rows);
        } catch (IOException | SecurityException e) {
            // A system without IPv6 (or without UDP's file) has no such sockets to show.
            return List.of();
        }
        return onePerSocket(rows);
    }

    /**
     * The rows with each socket once. The kernel writes these files a page at a time and walks
     * its hash table again for each page, so a socket that moved meanwhile can be written twice
     * (seen under load: a connection not accepted yet, listed twice). A socket is its addresses
     * and inode; of two rows of one socket the later, newer one stays, in the earlier's place.
     * A socket is in one file only, so each file is deduplicated apart. The list returned can
     * be added to: {@code rows} itself when it had no duplicate.
     */
    static List<SocketRow> onePerSocket(List<SocketRow> rows) {
        Map<Socket, SocketRow> seen = new LinkedHashMap<>(rows.size() * 2);
        for (SocketRow row : rows) {
            seen.put(new Socket(row.udp(), row.local(), row.remote(), row.inode()), row);
        }
        return seen.size() == rows.size() ? rows : new ArrayList<>(seen.values());
    }

    /** What names one socket in the tables, whatever its state and queues say. */
    private record Socket(boolean udp, String local, String remote, long inode) {
    }

    /** Why there are no tables to read here, or empty when there are. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** Every row, the TCP tables' first (IPv4, then IPv6), then the UDP tables' if read. */
    public List<SocketRow> rows() {
        readSixIfLeft();
        return rows;
    }

    /**
     * Where the sockets with these inodes wait for others: their listening TCP sockets and
     * their UDP sockets, in the order of {@code inodes} (a program's ports, as its descriptors
     * list them). One pass over the tables.
     */
    public List<SocketRow> listening(Collection<Long> inodes) {
        Map<Long, List<SocketRow>> found = byInode(inodes);
        List<SocketRow> listening = new ArrayList<>();
        for (long inode : new LinkedHashSet<>(inodes)) {
            for (SocketRow row : found.getOrDefault(inode, List.of())) {
                if (row.udp() || row.listening()) {
                    listening.add(row);
                }
            }
        }
        return listening;
    }

    /** The rows of the sockets with these inodes (a socket may have a row in each family's table). */
    public Map<Long, List<SocketRow>> byInode(Collection<Long> inodes) {
        Set<Long> wanted = inodes instanceof Set<Long> set ? set : new HashSet<>(inodes);
        Map<Long, List<SocketRow>> found = new HashMap<>();
        for (SocketRow row : rows()) {
            if (row.inode() != 0 && wanted.contains(row.inode())) {
                found.computeIfAbsent(row.inode(), unused -> new ArrayList<>()).add(row);
            }
        }
        return found;
    }

    /** The TCP connection from {@code localKey} to {@code remoteKey} (keys as {@link Endpoints} makes them), or null. */
    public SocketRow connection(String localKey, String remoteKey) {
        Pair pair = new Pair(localKey, remoteKey);
        SocketRow row = indexed().byPair.get(pair);
        return row == null && readSixIfLeft() ? byPair.get(pair) : row;
    }

    /** The TCP socket listening on {@code localKey}, or null. */
    public SocketRow listener(String localKey) {
        SocketRow row = indexed().listeners.get(localKey);
        return row == null && readSixIfLeft() ? listeners.get(localKey) : row;
    }

    /**
     * The TCP rows that are not listeners with {@code port} as their local port: a listener's
     * connections. Of tables {@linkplain #readForIpv4 read for IPv4}, the IPv4 ones only.
     */
    public List<SocketRow> connectionsAtPort(int port) {
        return indexed().byLocalPort.getOrDefault(port, List.of());
    }

    /** The other end of {@code row}'s connection when it is on this machine, or null. */
    public SocketRow peerOf(SocketRow row) {
        return row.listening() || row.udp() ? null : connection(row.remoteKey(), row.localKey());
    }

    /** A connection's addresses, as a key of the index. */
    private record Pair(String localKey, String remoteKey) {
    }

    private NetTables indexed() {
        if (byPair == null) {
            byPair = new HashMap<>(rows.size() * 2);
            listeners = new HashMap<>();
            byLocalPort = new HashMap<>();
            index(rows);
        }
        return this;
    }

    private void index(List<SocketRow> more) {
        for (SocketRow row : more) {
            if (row.udp()) {
                continue;
            }
            if (row.listening()) {
                listeners.put(row.localKey(), row);
            } else {
                byPair.put(new Pair(row.localKey(), row.remoteKey()), row);
                byLocalPort.computeIfAbsent(row.localPort(), unused -> new ArrayList<>(2)).add(row);
            }
        }
    }

    /** The rows of one file's text; a line the kernel's format does not explain is left out. */
    static void parse(byte[] bytes, boolean udp, List<SocketRow> rows) {
        String table = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] fields = new String[10];
        int lineStart = table.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart < table.length()) {
            int lineEnd = table.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = table.length();
            }
            if (split(table, lineStart, lineEnd, fields)) {
                try {
                    String queues = fields[4];
                    int colon = queues.indexOf(':');
                    String timers = fields[5];
                    rows.add(new SocketRow(udp, fields[1], fields[2], Integer.parseInt(fields[3], 16),
                            Long.parseLong(queues, 0, colon, 16), Long.parseLong(queues, colon + 1, queues.length(), 16),
                            Integer.parseInt(timers, 0, timers.indexOf(':'), 16), Long.parseLong(fields[9])));
                } catch (RuntimeException notARow) {
                    // Not a socket: nothing to show for it.
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

    /** The tables of these files' texts, for tests of the format. */
    static NetTables of(Map<String, String> files) {
        List<SocketRow> rows = new ArrayList<>();
        files.forEach((name, text) -> parse(text.getBytes(StandardCharsets.ISO_8859_1), name.startsWith("udp"), rows));
        return new NetTables(onePerSocket(rows), null);
    }
}
