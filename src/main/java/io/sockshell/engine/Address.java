package io.sockshell.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** A socket address as Python shows it: {@code ('127.0.0.1', 2000)} or {@code ('::1', 2000, 0, 0)}. */
public record Address(Family family, String host, int port) {

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
        String quoted = PyRepr.str(host);
        return family == Family.AF_INET6
                ? "(" + quoted + ", " + port + ", 0, 0)"
                : "(" + quoted + ", " + port + ")";
    }

    /** The short form used in traces and tables: {@code 127.0.0.1:2000}, {@code [::1]:2000}. */
    public String hostPort() {
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
