package io.sockshell.engine.nio;

import io.sockshell.engine.Address;
import io.sockshell.engine.Errno;
import io.sockshell.engine.Family;
import io.sockshell.engine.FsNames;
import io.sockshell.engine.SockError;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;

/** Python's address handling: {@code ''} is any address, ports are checked, families must match. */
final class Resolver {
    /** The longest AF_UNIX path the JDK takes: two bytes short of sun_path, where Linux needs room only for the NUL. */
    private static final int JAVA_PATH_ROOM = Address.UNIX_PATH_ROOM - 2;

    private Resolver() {
    }

    /**
     * The address a bind ({@code connecting} false) or connect takes: for AF_UNIX the path,
     * checked as CPython checks it; for IP the host resolved, the any-address made loopback
     * for a connect.
     */
    static SocketAddress socketAddress(Family family, String host, int port, String call, boolean connecting)
            throws SockError {
        if (family != Family.AF_UNIX) {
            InetSocketAddress resolved = resolve(family, host, port, call);
            return connecting ? destination(family, resolved) : resolved;
        }
        String path = host == null ? "" : host;
        byte[] bytes = Address.unixPathBytes(path);
        if (path.isEmpty() && connecting) {
            throw SockError.of(Errno.EINVAL);
        }
        if (path.isEmpty() || Address.unix(path).isAbstract()) {
            // Linux's autobind (bind to '') names the socket with an abstract name too.
            throw SockError.plain("OSError",
                    "abstract AF_UNIX names need the posix backend (Java's channels take only paths)");
        }
        if (bytes.length > JAVA_PATH_ROOM) {
            throw SockError.plain("OSError", "AF_UNIX paths of " + (JAVA_PATH_ROOM + 1)
                    + " bytes need the posix backend (Java's channels take at most " + JAVA_PATH_ROOM + ")");
        }
        if (FsNames.hasEscapedBytes(path)) {
            // The JDK reads a socket's name back as text in the file-name charset: bytes that are
            // not UTF-8 would come back as U+FFFD, another name.
            throw SockError.plain("OSError", "AF_UNIX paths that are not UTF-8 need the posix backend"
                    + " (Java's channels read socket names back as text)");
        }
        return UnixDomainSocketAddress.of(path);
    }

    /** A channel's address as Python shows it, for a socket of {@code socketFamily}. */
    static Address address(Family socketFamily, SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return Address.unix(unix.getPath().toString());
        }
        return Address.of(socketFamily, (InetSocketAddress) address);
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
