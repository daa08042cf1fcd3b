package io.sockshell.engine;

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

    /** Java prints {@code 0:0:0:0:0:0:0:1}; Python prints the RFC 5952 form {@code ::1}. */
    static String compressIpv6(String full) {
        String[] groups = full.split(":");
        if (groups.length != 8) {
            return full;
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
