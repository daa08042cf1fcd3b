package io.sockshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tables' lookups, and {@code tcp6} read only when a session of IPv4 sockets needs it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetTablesTest {
    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    /** 127.0.0.1:50000 to 127.0.0.1:8080, and its server's end. */
    private static final String IPV4_CONNECTION =
            "   0: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 4343 1\n";
    /** The server's end as a dual-stack IPv6 socket writes it: ::ffff:127.0.0.1:8080 to ::ffff:127.0.0.1:50000. */
    private static final String MAPPED_SERVER_END = "   0: 0000000000000000FFFF00000100007F:1F90 "
            + "0000000000000000FFFF00000100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 4444 1\n";

    @Test
    void anIpv4SessionsTablesReadTcp6OnlyWhenALookupFindsNothingInTcp(@TempDir Path proc) throws IOException {
        Path net = Files.createDirectories(proc.resolve("net"));
        Files.writeString(net.resolve("tcp"), HEADER + IPV4_CONNECTION);
        Files.writeString(net.resolve("tcp6"), HEADER);
        NetTables tables = NetTables.readForIpv4(new KernelFiles(proc, "Linux"));
        SocketRow client = tables.connection(key("127.0.0.1", 50000), key("127.0.0.1", 8080));
        assertEquals(4343, client.inode());

        // Written after the read: found only if tcp6 is read when the lookup misses, not before.
        Files.writeString(net.resolve("tcp6"), HEADER + MAPPED_SERVER_END);
        SocketRow server = tables.peerOf(client);
        assertEquals(4444, server.inode(), "the peer of an IPv4 socket may be a dual-stack server's IPv6 socket");
        assertTrue(client.isPeerOf(server));
        assertEquals(2, tables.rows().size());
        assertNull(tables.listener(key("127.0.0.1", 8080)), "a miss after tcp6 was read reads nothing more");
    }

    @Test
    void everyRowAskedForReadsTcp6Too(@TempDir Path proc) throws IOException {
        Path net = Files.createDirectories(proc.resolve("net"));
        Files.writeString(net.resolve("tcp"), HEADER + IPV4_CONNECTION);
        Files.writeString(net.resolve("tcp6"), HEADER + MAPPED_SERVER_END);
        NetTables lazy = NetTables.readForIpv4(new KernelFiles(proc, "Linux"));
        assertEquals(List.of(4444L), List.copyOf(lazy.byInode(List.of(4444L)).keySet()));
        NetTables eager = NetTables.read(new KernelFiles(proc, "Linux"), false);
        Files.delete(net.resolve("tcp6"));
        assertEquals(2, eager.rows().size(), "read reads both tables at once");
    }

    @Test
    void aMissingTcp6IsNoIpv6Sockets(@TempDir Path proc) throws IOException {
        Path net = Files.createDirectories(proc.resolve("net"));
        Files.writeString(net.resolve("tcp"), HEADER + IPV4_CONNECTION);
        NetTables tables = NetTables.readForIpv4(new KernelFiles(proc, "Linux"));
        assertFalse(tables.unavailable().isPresent());
        assertNull(tables.connection(key("127.0.0.1", 1), key("127.0.0.1", 2)));
        assertEquals(1, tables.rows().size());
    }

    @Test
    void loopbackKeysAreKnownByTheirText() {
        assertTrue(Endpoints.isLoopback(key("127.0.0.1", 80)));
        assertTrue(Endpoints.isLoopback(key("127.200.3.4", 80)));
        assertTrue(Endpoints.isLoopback(key("::1", 80)));
        assertTrue(Endpoints.isLoopback(Endpoints.normalized("0000000000000000FFFF00000100007F:1F90")),
                "::ffff:127.0.0.1, whose key is 127.0.0.1's");
        assertFalse(Endpoints.isLoopback(key("10.0.0.127", 80)));
        assertFalse(Endpoints.isLoopback(key("0.0.0.0", 80)));
        assertFalse(Endpoints.isLoopback(key("::2", 80)));
        assertFalse(Endpoints.isLoopback(key("::", 80)));
        assertTrue(Endpoints.isIpv4(key("127.0.0.1", 80)));
        assertFalse(Endpoints.isIpv4(key("::1", 80)));
    }

    @Test
    void aKeyIsTheSameWhetherItsHostWasSeenBeforeOrNot() {
        String first = key("127.0.0.1", 8080);
        assertEquals(first, key("127.0.0.1", 8080));
        assertEquals(Endpoints.normalized(IPV4_CONNECTION.substring(20, 33)), key("127.0.0.1", 8080));
        assertEquals(key("127.0.0.1", 80), key("::ffff:127.0.0.1", 80), "an IPv4-mapped address keys as its IPv4 address");
    }

    private static String key(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        return Endpoints.key(host.contains(":") && !host.startsWith("::ffff:") ? Address.of(Family.AF_INET6, address)
                : Address.of(address));
    }
}
