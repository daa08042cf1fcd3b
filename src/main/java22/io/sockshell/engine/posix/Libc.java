package io.sockshell.engine.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.sockshell.engine.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library's socket functions as Java methods, through downcall handles that capture
 * {@code errno}. Each returns what the function returns; after a -1, {@link #errno()} is the
 * errno that call set (it lives in this thread's {@link Scratch}). Nothing here keeps state or
 * checks arguments: the callers pass only descriptors they hold and memory they own.
 *
 * <p>The constants are Linux's on x86-64 and arm64, the systems the provider accepts.
 */
final class Libc {
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int IPPROTO_IP = 0;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;
    static final int SO_REUSEADDR = 2;
    static final int SO_TYPE = 3;
    static final int SO_ERROR = 4;
    static final int SO_BROADCAST = 6;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_KEEPALIVE = 9;
    static final int SO_LINGER = 13;
    static final int SO_ACCEPTCONN = 30;
    static final int SO_REUSEPORT = 15;
    static final int TCP_NODELAY = 1;
    static final int TCP_INFO = 11;
    static final int MSG_PEEK = 0x2;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int POLLIN = 0x1;
    static final int POLLPRI = 0x2;
    static final int POLLOUT = 0x4;
    static final int POLLERR = 0x8;
    static final int POLLHUP = 0x10;
    static final int POLLNVAL = 0x20;
    static final long FIONBIO = 0x5421;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EINPROGRESS = 115;
    static final int EALREADY = 114;
    static final int EISCONN = 106;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup C = LINKER.defaultLookup();
    private static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option KEEP_ERRNO = Linker.Option.captureCallState("errno");
    /**
     * For send and recv on heap arrays: the call never blocks (MSG_DONTWAIT), so it may run
     * as a critical function, which reads the Java array in place instead of a native copy.
     */
    private static final Linker.Option ON_HEAP = Linker.Option.critical(true);

    /** ioctl is variadic: its third argument is passed as a variadic one. */
    /*
     * Each function's handle is made the first time it is called (a holder class each): making
     * one costs milliseconds in a fresh JVM, and a session uses only some of them.
     */
    private static final class Socket {
        static final MethodHandle HANDLE = errnoCall("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    }

    private static final class Bind {
        static final MethodHandle HANDLE = errnoCall("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    }

    private static final class Listen {
        static final MethodHandle HANDLE = errnoCall("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    }

    private static final class Accept4 {
        static final MethodHandle HANDLE = errnoCall("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    }

    private static final class Connect {
        static final MethodHandle HANDLE = errnoCall("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    }

    private static final class Send {
        static final MethodHandle HANDLE = handle("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
                KEEP_ERRNO, ON_HEAP);
    }

    private static final class Sendto {
        static final MethodHandle HANDLE = handle("sendto",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), KEEP_ERRNO, ON_HEAP);
    }

    private static final class Recv {
        static final MethodHandle HANDLE = errnoCall("recv", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    }

    private static final class Recvfrom {
        static final MethodHandle HANDLE = errnoCall("recvfrom", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT,
                ADDRESS, ADDRESS);
    }

    private static final class Shutdown {
        static final MethodHandle HANDLE = errnoCall("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    }

    private static final class Close {
        static final MethodHandle HANDLE = errnoCall("close", JAVA_INT, JAVA_INT);
    }

    private static final class Getsockname {
        static final MethodHandle HANDLE = errnoCall("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    }

    private static final class Getpeername {
        static final MethodHandle HANDLE = errnoCall("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    }

    private static final class Getsockopt {
        static final MethodHandle HANDLE = errnoCall("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                ADDRESS);
    }

    private static final class Setsockopt {
        static final MethodHandle HANDLE = errnoCall("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT);
    }

    private static final class Ioctl {
        static final MethodHandle HANDLE = handle("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                KEEP_ERRNO, Linker.Option.firstVariadicArg(2));
    }

    private static final class Poll {
        static final MethodHandle HANDLE = errnoCall("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    }

    private static final class Eventfd {
        static final MethodHandle HANDLE = errnoCall("eventfd", JAVA_INT, JAVA_INT, JAVA_INT);
    }

    private static final class Write {
        static final MethodHandle HANDLE = errnoCall("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    }

    private static final class Read {
        static final MethodHandle HANDLE = errnoCall("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    }

    private static final class InetPton {
        static final MethodHandle HANDLE = handle("inet_pton", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class InetNtop {
        static final MethodHandle HANDLE = handle("inet_ntop",
                FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    }

    private static final class Getaddrinfo {
        static final MethodHandle HANDLE = handle("getaddrinfo",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS), KEEP_ERRNO);
    }

    private static final class Freeaddrinfo {
        static final MethodHandle HANDLE = handle("freeaddrinfo", FunctionDescriptor.ofVoid(ADDRESS));
    }

    private static final class GaiStrerror {
        static final MethodHandle HANDLE = handle("gai_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    private static final class Strerror {
        static final MethodHandle HANDLE = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /** glibc 2.32 and later; without it an errno the engine has no constant for is named by number. */
    private static final class StrerrornameNp {
        static final MethodHandle HANDLE = C.find("strerrorname_np")
                .map(symbol -> LINKER.downcallHandle(symbol, FunctionDescriptor.of(ADDRESS, JAVA_INT)))
                .orElse(null);
    }

    private Libc() {
    }

    private static MethodHandle errnoCall(String name, MemoryLayout result, MemoryLayout... arguments) {
        return handle(name, FunctionDescriptor.of(result, arguments), KEEP_ERRNO);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = C.find(name).orElseThrow(() -> new IllegalStateException("no " + name + " in the C library"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** The errno the last call on this thread set. */
    static int errno() {
        return (int) ERRNO.get(Scratch.current().captured, 0L);
    }

    /** The errno as the engine reports it: a constant, or one named by the C library. */
    static Errno errnoValue(int number) {
        return Errno.byNumber(number).orElseGet(() -> Errno.of(number, errnoName(number), strerror(number)));
    }

    /** Memory for the errno a call captures, sized as the linker wants it. */
    static MemorySegment captureSegment(Arena arena) {
        return arena.allocate(CAPTURED);
    }

    static int socket(int domain, int type, int protocol) {
        try {
            return (int) Socket.HANDLE.invokeExact(captured(), domain, type, protocol);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int bind(int fd, MemorySegment address, int length) {
        try {
            return (int) Bind.HANDLE.invokeExact(captured(), fd, address, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int listen(int fd, int backlog) {
        try {
            return (int) Listen.HANDLE.invokeExact(captured(), fd, backlog);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int accept4(int fd, MemorySegment address, MemorySegment length, int flags) {
        try {
            return (int) Accept4.HANDLE.invokeExact(captured(), fd, address, length, flags);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int connect(int fd, MemorySegment address, int length) {
        try {
            return (int) Connect.HANDLE.invokeExact(captured(), fd, address, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long send(int fd, MemorySegment data, long length, int flags) {
        try {
            return (long) Send.HANDLE.invokeExact(captured(), fd, data, length, flags);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long sendto(int fd, MemorySegment data, long length, int flags, MemorySegment address, int addressLength) {
        try {
            return (long) Sendto.HANDLE.invokeExact(captured(), fd, data, length, flags, address, addressLength);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long recv(int fd, MemorySegment buffer, long length, int flags) {
        try {
            return (long) Recv.HANDLE.invokeExact(captured(), fd, buffer, length, flags);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long recvfrom(int fd, MemorySegment buffer, long length, int flags, MemorySegment address,
            MemorySegment addressLength) {
        try {
            return (long) Recvfrom.HANDLE.invokeExact(captured(), fd, buffer, length, flags, address, addressLength);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int shutdown(int fd, int how) {
        try {
            return (int) Shutdown.HANDLE.invokeExact(captured(), fd, how);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int close(int fd) {
        try {
            return (int) Close.HANDLE.invokeExact(captured(), fd);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int getsockname(int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) Getsockname.HANDLE.invokeExact(captured(), fd, address, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int getpeername(int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) Getpeername.HANDLE.invokeExact(captured(), fd, address, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment length) {
        try {
            return (int) Getsockopt.HANDLE.invokeExact(captured(), fd, level, name, value, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int setsockopt(int fd, int level, int name, MemorySegment value, int length) {
        try {
            return (int) Setsockopt.HANDLE.invokeExact(captured(), fd, level, name, value, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int ioctl(int fd, long request, MemorySegment argument) {
        try {
            return (int) Ioctl.HANDLE.invokeExact(captured(), fd, request, argument);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int poll(MemorySegment fds, long count, int timeoutMillis) {
        try {
            return (int) Poll.HANDLE.invokeExact(captured(), fds, count, timeoutMillis);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int eventfd(int initial, int flags) {
        try {
            return (int) Eventfd.HANDLE.invokeExact(captured(), initial, flags);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long write(int fd, MemorySegment data, long length) {
        try {
            return (long) Write.HANDLE.invokeExact(captured(), fd, data, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static long read(int fd, MemorySegment buffer, long length) {
        try {
            return (long) Read.HANDLE.invokeExact(captured(), fd, buffer, length);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int inetPton(int family, MemorySegment text, MemorySegment address) {
        try {
            return (int) InetPton.HANDLE.invokeExact(family, text, address);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    /** The address's text as inet_ntop writes it; {@code buffer} must hold 46 bytes. */
    static String inetNtop(int family, MemorySegment address, MemorySegment buffer) {
        try {
            MemorySegment written = (MemorySegment) InetNtop.HANDLE.invokeExact(family, address, buffer, (int) buffer.byteSize());
            return written.equals(MemorySegment.NULL) ? "?" : buffer.getString(0);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static int getaddrinfo(MemorySegment node, MemorySegment service, MemorySegment hints, MemorySegment result) {
        try {
            return (int) Getaddrinfo.HANDLE.invokeExact(captured(), node, service, hints, result);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static void freeaddrinfo(MemorySegment list) {
        try {
            Freeaddrinfo.HANDLE.invokeExact(list);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static String gaiStrerror(int code) {
        try {
            return text((MemorySegment) GaiStrerror.HANDLE.invokeExact(code));
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    static String strerror(int number) {
        try {
            return text((MemorySegment) Strerror.HANDLE.invokeExact(number));
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    private static String errnoName(int number) {
        if (StrerrornameNp.HANDLE == null) {
            return "errno " + number;
        }
        try {
            MemorySegment name = (MemorySegment) StrerrornameNp.HANDLE.invokeExact(number);
            return name.equals(MemorySegment.NULL) ? "errno " + number : text(name);
        } catch (Throwable e) {
            throw failed(e);
        }
    }

    /** A C string the library owns (static text): read up to its NUL, never past a bound. */
    private static String text(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(1024).getString(0);
    }

    private static MemorySegment captured() {
        return Scratch.current().captured;
    }

    private static IllegalStateException failed(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("native call failed", e);
    }
}
