package io.sockshell.engine.posix;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import io.sockshell.engine.SockError;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A host and port made into a socket address as CPython's {@code getsockaddrarg} and
 * {@code setipaddr} make it: {@code ''} is the any-address, {@code '<broadcast>'} the broadcast
 * address, a numeric address is read by {@code inet_pton} without a lookup, and any other name
 * goes to {@code getaddrinfo}, whose errors are {@code socket.gaierror}. The port is checked
 * after the host, as CPython does. An AF_UNIX path is taken as it is, once CPython's length
 * check has passed.
 */
final class Resolver {
    private static final int ADDRINFO_SIZE = 48;
    private static final int AI_FAMILY = 4;
    private static final int AI_ADDRLEN = 16;
    private static final int AI_ADDR = 24;
    private static final int EAI_SYSTEM = -11;

    private Resolver() {
    }

    static SockAddr resolve(Family family, String host, int port, String caller) throws SockError {
        if (family == Family.AF_UNIX) {
            return new SockAddr.Unix(Address.unixPathBytes(host == null ? "" : host));
        }
        byte[] ip = ip(family, host == null ? "" : host);
        if (port < 0 || port > 0xffff) {
            throw SockError.plain("OverflowError", caller + "(): port must be 0-65535.");
        }
        return new SockAddr.Inet(family, ip, port);
    }

    private static byte[] ip(Family family, String name) throws SockError {
        if (name.indexOf('\0') >= 0) {
            throw SockError.plain("TypeError", "host name must not contain null character");
        }
        int af = family == Family.AF_INET ? Libc.AF_INET : Libc.AF_INET6;
        int size = family == Family.AF_INET ? 4 : 16;
        if (name.isEmpty()) {
            return new byte[size];
        }
        if (name.equals("255.255.255.255") || name.equals("<broadcast>")) {
            if (family != Family.AF_INET) {
                throw SockError.plain("OSError", "address family mismatched");
            }
            return new byte[] {-1, -1, -1, -1};
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom(name);
            MemorySegment numeric = arena.allocate(16);
            if ((family == Family.AF_INET || name.indexOf('%') < 0) && Libc.inetPton(af, text, numeric) > 0) {
                return numeric.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
            }
            return lookUp(arena, af, size, text);
        }
    }

    /** getaddrinfo(name, NULL, {ai_family = af}): the first address it gives. */
    private static byte[] lookUp(Arena arena, int af, int size, MemorySegment name) throws SockError {
        MemorySegment hints = arena.allocate(ADDRINFO_SIZE, 8);
        hints.set(ValueLayout.JAVA_INT, AI_FAMILY, af);
        MemorySegment result = arena.allocate(ValueLayout.ADDRESS);
        int error = Libc.getaddrinfo(name, MemorySegment.NULL, hints, result);
        if (error == EAI_SYSTEM) {
            throw Errors.raised(Libc.errno());
        }
        if (error != 0) {
            throw SockError.gai(error, Libc.gaiStrerror(error));
        }
        MemorySegment list = result.get(ValueLayout.ADDRESS, 0);
        try {
            MemorySegment first = list.reinterpret(ADDRINFO_SIZE);
            int length = first.get(ValueLayout.JAVA_INT, AI_ADDRLEN);
            SockAddr found = SockAddr.read(first.get(ValueLayout.ADDRESS, AI_ADDR).reinterpret(length), length);
            if (!(found instanceof SockAddr.Inet inet) || inet.ip().length != size) {
                throw SockError.plain("OSError", "unsupported address family");
            }
            return inet.ip();
        } finally {
            Libc.freeaddrinfo(list);
        }
    }
}
