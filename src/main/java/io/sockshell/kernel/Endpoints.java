package io.sockshell.kernel;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses as the kernel's socket tables write them: {@code 0100007F:1F90} is
 * 127.0.0.1:8080. An IPv4 address is one 32-bit word and an IPv6 address four, each word in
 * hex as the host stores it (on a little-endian machine its bytes come last first); the port
 * is in hex. A key is that text with an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1})
 * written as its IPv4 address, so both ends of a connection name each other alike.
 */
public final class Endpoints {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** The first 96 bits of an IPv4-mapped IPv6 address in a table: ::ffff: is 0000ffff in the third word. */
    private static final String IPV4_MAPPED = LITTLE_ENDIAN ? "0000000000000000FFFF0000" : "00000000000000000000FFFF";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Endpoints() {
    }

    /** 127.0.0.1 in a table: the last octet first on a little-endian machine. */
    private static final String IPV4_LOOPBACK_OCTET = "7F";
    /** ::1 in a table. */
    private static final String IPV6_LOOPBACK = LITTLE_ENDIAN ? "00000000000000000000000001000000"
            : "00000000000000000000000000000001";
    /** Hosts already turned into a key's hex, at most {@value #HOSTS_KEPT}: a session uses a handful. */
    private static final Map<String, String> HOST_HEX = new ConcurrentHashMap<>();
    private static final int HOSTS_KEPT = 1_024;

    /** The key of an address as a table writes it. */
    static String normalized(String field) {
        return field.length() == 37 && field.startsWith(IPV4_MAPPED) ? field.substring(IPV4_MAPPED.length()) : field;
    }

    /** The key of an address a socket reports ({@code 127.0.0.1}, {@code ::1}, {@code ::ffff:127.0.0.1}, a port). */
    public static String key(Address address) {
        if (address.family() != Family.AF_INET && address.family() != Family.AF_INET6) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        String hex = HOST_HEX.get(address.host());
        if (hex == null) {
            hex = hostHex(address.host());
            if (HOST_HEX.size() >= HOSTS_KEPT) {
                HOST_HEX.clear();
            }
            HOST_HEX.put(address.host(), hex);
        }
        StringBuilder key = new StringBuilder(37).append(hex).append(':');
        int port = address.port();
        for (int shift = 12; shift >= 0; shift -= 4) {
            key.append(HEX[(port >> shift) & 0xf]);
        }
        return key.toString();
    }

    private static String hostHex(String host) {
        byte[] ip;
        try {
            // A numeric host is parsed, never looked up: a socket reports its address as digits.
            // An IPv4-mapped address comes back as the IPv4 address it stands for: its key.
            ip = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a numeric address: " + host, e);
        }
        StringBuilder hex = new StringBuilder(32);
        for (int word = 0; word < ip.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int b = ip[word * 4 + (LITTLE_ENDIAN ? 3 - i : i)] & 0xff;
                hex.append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return hex.toString();
    }

    /** Whether a key is an IPv4 address's (or an IPv4-mapped one's). */
    static boolean isIpv4(String key) {
        return key.indexOf(':') == 8;
    }

    /** Whether a key is in 127.0.0.0/8 or is ::1 (an IPv4-mapped address's key is its IPv4 address's). */
    static boolean isLoopback(String key) {
        if (isIpv4(key)) {
            return LITTLE_ENDIAN ? key.startsWith(IPV4_LOOPBACK_OCTET, 6) : key.startsWith(IPV4_LOOPBACK_OCTET);
        }
        return key.indexOf(':') == IPV6_LOOPBACK.length() && key.startsWith(IPV6_LOOPBACK);
    }

    /** The port of an address as a table writes it. */
    static int port(String field) {
        return Integer.parseInt(field, field.indexOf(':') + 1, field.length(), 16);
    }

    /** {@code 0100007F:1F90} as Python shows it: {@code ('127.0.0.1', 8080)}. */
    public static Address address(String field) {
        int colon = field.indexOf(':');
        String hex = field.substring(0, colon);
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (LITTLE_ENDIAN ? 3 - i : i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex, at, at + 2, 16);
            }
        }
        InetAddress inet;
        try {
            inet = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException notFourOrSixteenBytes) {
            throw new IllegalArgumentException("not an address: " + field, notFourOrSixteenBytes);
        }
        InetSocketAddress socketAddress = new InetSocketAddress(inet, port(field));
        return bytes.length == 16 ? Address.of(Family.AF_INET6, socketAddress) : Address.of(socketAddress);
    }
}
