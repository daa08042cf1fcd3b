package io.sockshell.engine.nio;

import io.sockshell.engine.Family;
import io.sockshell.engine.SockError;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Python's address handling: {@code ''} is any address, ports are checked, families must match. */
final class Resolver {
    private Resolver() {
    }

    static InetSocketAddress resolve(Family family, String host, int port, String call) throws SockError {
        if (port < 0 || port > 65535) {
            throw SockError.plain("OverflowError", call + "(): port must be 0-65535.");
        }
        String name = host == null || host.isEmpty() ? family.wildcard() : host;
        if (name.equals("<broadcast>")) {
            name = "255.255.255.255";
        }
        InetAddress[] candidates;
        try {
            candidates = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw SockError.gai(-2, "Name or service not known");
        }
        for (InetAddress candidate : candidates) {
            // The JDK turns an IPv4-mapped literal (::ffff:127.0.0.1) into an IPv4 address; for
            // an IPv6 socket it is still an IPv6 address, which the channel maps back.
            boolean mapped = family == Family.AF_INET6 && candidate instanceof Inet4Address && name.indexOf(':') >= 0;
            if (matches(family, candidate) || mapped) {
                return new InetSocketAddress(candidate, port);
            }
        }
        throw SockError.gai(-9, "Address family for hostname not supported");
    }

    /**
     * The address a connect or sendto really goes to. Linux takes the any-address ({@code ''},
     * 0.0.0.0, ::) as this machine's loopback address; the JDK would put
     * {@code InetAddress.getLocalHost()} there, which may be a LAN address.
     */
    static InetSocketAddress destination(Family family, InetSocketAddress target) throws SockError {
        if (!target.getAddress().isAnyLocalAddress()) {
            return target;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(family == Family.AF_INET ? "127.0.0.1" : "::1"),
                    target.getPort());
        } catch (UnknownHostException e) {
            throw SockError.gai(-2, "Name or service not known");
        }
    }

    private static boolean matches(Family family, InetAddress address) {
        return family == Family.AF_INET ? address instanceof Inet4Address : address instanceof Inet6Address;
    }
}
