package io.sockshell.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * A socket address as Python shows it: {@code ('127.0.0.1', 2000)} or {@code ('::1', 2000, 0, 0)};
 * for AF_UNIX the path alone, {@code '/tmp/x.sock'} ({@code host} holds it and {@code port} is 0),
 * {@code ''} for an unnamed socket, and an abstract name (which starts with NUL) as bytes,
 * {@code b'\x00name'}, because CPython returns those as bytes. A path's bytes that are not
 * UTF-8 are kept as CPython keeps them in a str ({@link FsNames}).
 */
public record Address(Family family, String host, int port) {
    /** The size of {@code sun_path} in Linux's {@code struct sockaddr_un}. */
    public static final int UNIX_PATH_ROOM = 108;

    /** An AF_UNIX address: a path, an abstract name starting with NUL, or {@code ""} for none. */
    public static Address unix(String path) {
        return new Address(Family.AF_UNIX, path, 0);
    }

    /**
     * The bytes of an AF_UNIX path as the kernel takes them (as CPython encodes a str path:
     * {@link FsNames#fsencode}), checked as CPython's getsockaddrarg checks them before any system call: a path
     * needs room for its terminating NUL, an abstract name does not.
     */
    public static byte[] unixPathBytes(String path) throws SockError {
        byte[] bytes = FsNames.fsencode(path);
        boolean abstractName = bytes.length > 0 && bytes[0] == 0;
        if (bytes.length > UNIX_PATH_ROOM || (!abstractName && bytes.length == UNIX_PATH_ROOM)) {
            throw SockError.plain("OSError", "AF_UNIX path too long");
        }
        return bytes;
    }

    /** Whether this is an AF_UNIX abstract name, which Linux keeps in no file. */
    public boolean isAbstract() {
        return family == Family.AF_UNIX && host.startsWith("\0");
    }

    public static Address of(InetSocketAddress address) {
        Family family = address.getAddress() instanceof Inet6Address ? Family.AF_INET6 : Family.AF_INET;
        String host = address.getAddress().getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (family == Family.AF_INET6) {
            host = compressIpv6(host);
        }
        return new Address(family, host, address.getPort());
    }

    /**
     * The address as a socket of {@code socketFamily} reports it. The JDK turns IPv4-mapped
     * IPv6 addresses into plain IPv4 ones; an IPv6 socket (a dual-stack listener reached over
     * IPv4) shows them in Python as {@code ('::ffff:127.0.0.1', port, 0, 0)}.
     */
    public static Address of(Family socketFamily, InetSocketAddress address) {
        if (socketFamily == Family.AF_INET6 && address.getAddress() instanceof Inet4Address v4) {
            return new Address(Family.AF_INET6, "::ffff:" + v4.getHostAddress(), address.getPort());
        }
        return of(address);
    }

    /** The unbound address Python reports for a fresh socket of this family. */
    public static Address unbound(Family family) {
        return new Address(family, family.wildcard(), 0);
    }

    public String pythonRepr() {
        if (family == Family.AF_UNIX) {
            if (isAbstract()) {
                byte[] name = FsNames.fsencode(host);
                return PyRepr.bytes(name, 0, name.length);
            }
            return PyRepr.str(host);
        }
        String quoted = PyRepr.str(host);
        return family == Family.AF_INET6
                ? "(" + quoted + ", " + port + ", 0, 0)"
                : "(" + quoted + ", " + port + ")";
    }

    /**
     * The short form used in traces and tables: {@code 127.0.0.1:2000}, {@code [::1]:2000}; an
     * AF_UNIX address as Python shows it, quoted, so that an unnamed one still shows ({@code ''}).
     */
    public String hostPort() {
        if (family == Family.AF_UNIX) {
            return pythonRepr();
        }
        return family == Family.AF_INET6 ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return pythonRepr();
    }

    /**
     * Java prints {@code 0:0:0:0:0:0:0:1}; Python prints what glibc's {@code inet_ntop} gives:
     * the first longest run of two or more zero groups as {@code ::}, and the last 32 bits as
     * a dotted IPv4 address after {@code ::} (six zero groups) or {@code ::ffff:}.
     */
    static String compressIpv6(String full) {
        String[] groups = full.split(":");
        if (groups.length != 8) {
            return full;
        }
        int zerosFirst = 0;
        while (zerosFirst < 8 && isZero(groups[zerosFirst])) {
            zerosFirst++;
        }
        if (zerosFirst == 6 || (zerosFirst == 5 && Integer.parseInt(groups[5], 16) == 0xffff)) {
            int high = Integer.parseInt(groups[6], 16);
            int low = Integer.parseInt(groups[7], 16);
            return (zerosFirst == 6 ? "::" : "::ffff:") + (high >> 8) + "." + (high & 0xff) + "." + (low >> 8)
                    + "." + (low & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (!isZero(groups[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && isZero(groups[j])) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static boolean isZero(String group) {
        return Integer.parseInt(group, 16) == 0;
    }
}
