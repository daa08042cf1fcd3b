package io.sockshell.engine.posix;

import io.sockshell.engine.Address;
import io.sockshell.engine.FsNames;
import io.sockshell.engine.Family;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A socket address as the kernel takes and gives it ({@code struct sockaddr_in},
 * {@code sockaddr_in6}, {@code sockaddr_un}), written to and read from native memory. Sealed so
 * that every kind is handled wherever addresses are.
 */
sealed interface SockAddr permits SockAddr.Inet, SockAddr.Unix {
    int SIZE_IN = 16;
    int SIZE_IN6 = 28;
    ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Writes the address at the start of {@code into}; returns its length. */
    int write(MemorySegment into);

    /** strace's view, shortened: {@code {AF_INET, 127.0.0.1:2000}}. */
    String show();

    /** The address as Python shows it. */
    Address toAddress();

    /** An IPv4 or IPv6 address and port; {@code ip} is 4 or 16 bytes in network order. */
    record Inet(Family family, byte[] ip, int port) implements SockAddr {
        @Override
        public int write(MemorySegment into) {
            into.fill((byte) 0);
            into.set(ValueLayout.JAVA_SHORT, 0, (short) family.number());
            into.set(NET_SHORT, 2, (short) port);
            if (family == Family.AF_INET) {
                MemorySegment.copy(ip, 0, into, ValueLayout.JAVA_BYTE, 4, 4);
                return SIZE_IN;
            }
            MemorySegment.copy(ip, 0, into, ValueLayout.JAVA_BYTE, 8, 16);
            return SIZE_IN6;
        }

        @Override
        public String show() {
            Address address = toAddress();
            return "{" + family.name() + ", " + address.hostPort() + "}";
        }

        @Override
        public Address toAddress() {
            MemorySegment raw = Scratch.current().text;
            raw.fill((byte) 0);
            MemorySegment bytes = MemorySegment.ofArray(ip);
            MemorySegment buffer = raw.asSlice(16, 48);
            MemorySegment.copy(bytes, 0, raw, 0, ip.length);
            String host = Libc.inetNtop(family == Family.AF_INET ? Libc.AF_INET : Libc.AF_INET6, raw.asSlice(0, 16), buffer);
            return new Address(family, host, port);
        }
    }

    /**
     * An AF_UNIX path or abstract name (its first byte NUL), as bytes. A path is passed with
     * its terminating NUL, an abstract name without one, as CPython passes them.
     */
    record Unix(byte[] path) implements SockAddr {
        /** {@code offsetof(struct sockaddr_un, sun_path)}. */
        static final int PATH_OFFSET = 2;

        @Override
        public int write(MemorySegment into) {
            into.asSlice(0, PATH_OFFSET + Address.UNIX_PATH_ROOM).fill((byte) 0);
            into.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_UNIX);
            MemorySegment.copy(path, 0, into, ValueLayout.JAVA_BYTE, PATH_OFFSET, path.length);
            // As CPython's getsockaddrarg: no NUL is added after an abstract name, nor after an
            // empty path, whose bare family is what asks Linux to bind an abstract name of its choosing.
            boolean noTerminator = path.length == 0 || path[0] == 0;
            return PATH_OFFSET + path.length + (noTerminator ? 0 : 1);
        }

        @Override
        public String show() {
            return "{AF_UNIX, " + toAddress().pythonRepr() + "}";
        }

        @Override
        public Address toAddress() {
            return Address.unix(FsNames.fsdecode(path));
        }

        /**
         * The name in a {@code sockaddr_un} the kernel wrote: an abstract name is every byte
         * after the family, a path ends at its first NUL (CPython's makeaddr).
         */
        static Unix read(MemorySegment from, int length) {
            byte[] raw = from.asSlice(PATH_OFFSET, length - PATH_OFFSET).toArray(ValueLayout.JAVA_BYTE);
            if (raw.length > 0 && raw[0] == 0) {
                return new Unix(raw);
            }
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            return new Unix(Arrays.copyOf(raw, end));
        }
    }

    /** The address in {@code from}, {@code length} bytes long, as the kernel wrote it; null if none. */
    static SockAddr read(MemorySegment from, int length) {
        if (length < 2) {
            return null;
        }
        int family = Short.toUnsignedInt(from.get(ValueLayout.JAVA_SHORT, 0));
        int port = Short.toUnsignedInt(from.get(NET_SHORT, 2));
        if (family == Libc.AF_UNIX) {
            return Unix.read(from, length);
        }
        if (family == Libc.AF_INET && length >= SIZE_IN) {
            return new Inet(Family.AF_INET, from.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE), port);
        }
        if (family == Libc.AF_INET6 && length >= SIZE_IN6) {
            return new Inet(Family.AF_INET6, from.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE), port);
        }
        return null;
    }
}
