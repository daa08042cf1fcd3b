package io.sockshell.link;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The send and receive queues of TCP connections on this machine, from the kernel's tables
 * {@code /proc/net/tcp} and {@code tcp6}: a row is {@code sl local remote st tx_queue:rx_queue
 * ...}, each address a run of 32-bit words in hex in the host's byte order, then {@code :PORT}.
 * For a connection, {@code tx_queue} counts what its owner wrote and the other end has not yet
 * acknowledged (so it has not reached the other end's receive queue), {@code rx_queue} what has
 * arrived and its owner has not read. A connection to a dual-stack listener is in {@code tcp6}
 * with IPv4-mapped addresses, so both tables are searched.
 *
 * <p>The files stay open and are read again from their start (the kernel writes them afresh on
 * every read at offset 0). Not thread-safe: each direction of a relayed connection has its own.
 */
final class TcpQueues implements AutoCloseable {
    /** What one socket has waiting: written and not acknowledged, arrived and not read. */
    record Queues(long send, long receive) {
    }

    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private FileChannel tcp;
    private FileChannel tcp6;
    private ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    /** The connections (as {@code tcp6} writes their addresses) last found in {@code tcp6}: a look reads it first for them. */
    private final Set<String> inTcp6 = new HashSet<>();

    /**
     * Reads the tables afresh: what the queues are now. Reading a table costs milliseconds here
     * (the kernel walks its whole connection hash for it, however few connections there are), so
     * a look reads each table once at most, and only when a socket asked for is not in the table
     * it was found in before.
     */
    Look look() {
        return new Look();
    }

    /** The tables as read once; not thread-safe, as its {@link TcpQueues}. */
    final class Look {
        private String v4;
        private String v6;

        private Look() {
        }

        /**
         * The queues of the socket whose own address is {@code local} and whose peer is
         * {@code remote}; empty when the kernel lists no such connection (it has closed).
         */
        Optional<Queues> of(InetSocketAddress local, InetSocketAddress remote) throws IOException {
            String v4Key = key(local, false) + " " + key(remote, false) + " ";
            String v6Key = key(local, true) + " " + key(remote, true) + " ";
            boolean v6First = inTcp6.contains(v6Key);
            Optional<Queues> found = find(v6First ? v6() : v4(), v6First ? v6Key : v4Key);
            if (found.isEmpty()) {
                found = find(v6First ? v4() : v6(), v6First ? v4Key : v6Key);
                if (found.isPresent() && !v6First) {
                    inTcp6.add(v6Key);
                } else {
                    // Found in tcp after all, or closed: either way no longer one to read tcp6 first for.
                    inTcp6.remove(v6Key);
                }
            }
            return found;
        }

        private String v4() throws IOException {
            if (v4 == null) {
                tcp = tcp == null ? FileChannel.open(TCP) : tcp;
                v4 = read(tcp);
            }
            return v4;
        }

        private String v6() throws IOException {
            if (v6 == null) {
                tcp6 = tcp6 == null ? FileChannel.open(TCP6) : tcp6;
                v6 = read(tcp6);
            }
            return v6;
        }
    }

    private static Optional<Queues> find(String table, String addresses) {
        int at = table.indexOf(addresses);
        if (at < 0) {
            return Optional.empty();
        }
        // After the addresses: "ST TX_QUEUE:RX_QUEUE", the state two hex digits, each queue eight.
        int queues = at + addresses.length() + 3;
        return Optional.of(new Queues(Long.parseLong(table, queues, queues + 8, 16),
                Long.parseLong(table, queues + 9, queues + 17, 16)));
    }

    /** An address and port as the table writes them; in {@code tcp6} an IPv4 address is IPv4-mapped. */
    static String key(InetSocketAddress address, boolean tcp6) {
        byte[] raw = address.getAddress().getAddress();
        StringBuilder hex = new StringBuilder(40);
        if (tcp6 && address.getAddress() instanceof Inet4Address) {
            hex.append(words(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}));
        } else if (!tcp6 && !(address.getAddress() instanceof Inet4Address)) {
            return "-";
        }
        hex.append(words(raw));
        return hex.append(String.format(Locale.ROOT, ":%04X", address.getPort())).toString();
    }

    private static String words(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                hex.append(String.format(Locale.ROOT, "%02X", bytes[word + (little ? 3 - i : i)] & 0xff));
            }
        }
        return hex.toString();
    }

    private String read(FileChannel file) throws IOException {
        while (true) {
            buffer.clear();
            int total = 0;
            int n;
            while ((n = file.read(buffer, total)) > 0) {
                total += n;
                if (!buffer.hasRemaining()) {
                    break;
                }
            }
            if (buffer.hasRemaining()) {
                return new String(buffer.array(), 0, total, StandardCharsets.ISO_8859_1);
            }
            buffer = ByteBuffer.allocate(buffer.capacity() * 2);
        }
    }

    @Override
    public void close() {
        for (FileChannel file : new FileChannel[] {tcp, tcp6}) {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (IOException ignored) {
                // A /proc file holds nothing that needs flushing.
            }
        }
    }
}
