package io.sockshell.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Linux errno value: its name, number and glibc's {@code strerror} text, and the CPython
 * exception class that {@code OSError} picks for the number (PEP 3151). The values the engine
 * names itself are constants here; a backend that makes real system calls may meet any other
 * number, and gets it through {@link #of(int, String, String)} with the name and text the C
 * library gives for it. One number is one value: {@code ==} compares errnos.
 */
public final class Errno {
    private static final Map<Integer, Errno> BY_NUMBER = new ConcurrentHashMap<>();
    private static final Map<String, Errno> KNOWN = new LinkedHashMap<>();

    public static final Errno EPERM = known("EPERM", 1, "Operation not permitted");
    public static final Errno ENOENT = known("ENOENT", 2, "No such file or directory");
    public static final Errno EINTR = known("EINTR", 4, "Interrupted system call");
    public static final Errno EBADF = known("EBADF", 9, "Bad file descriptor");
    public static final Errno EAGAIN = known("EAGAIN", 11, "Resource temporarily unavailable");
    public static final Errno ENOMEM = known("ENOMEM", 12, "Cannot allocate memory");
    public static final Errno EACCES = known("EACCES", 13, "Permission denied");
    public static final Errno EFAULT = known("EFAULT", 14, "Bad address");
    public static final Errno EEXIST = known("EEXIST", 17, "File exists");
    public static final Errno ENOTDIR = known("ENOTDIR", 20, "Not a directory");
    public static final Errno EINVAL = known("EINVAL", 22, "Invalid argument");
    public static final Errno EMFILE = known("EMFILE", 24, "Too many open files");
    public static final Errno EPIPE = known("EPIPE", 32, "Broken pipe");
    public static final Errno ENOTSOCK = known("ENOTSOCK", 88, "Socket operation on non-socket");
    public static final Errno EDESTADDRREQ = known("EDESTADDRREQ", 89, "Destination address required");
    public static final Errno EMSGSIZE = known("EMSGSIZE", 90, "Message too long");
    public static final Errno EPROTOTYPE = known("EPROTOTYPE", 91, "Protocol wrong type for socket");
    public static final Errno ENOPROTOOPT = known("ENOPROTOOPT", 92, "Protocol not available");
    public static final Errno EOPNOTSUPP = known("EOPNOTSUPP", 95, "Operation not supported");
    public static final Errno EAFNOSUPPORT = known("EAFNOSUPPORT", 97, "Address family not supported by protocol");
    public static final Errno EADDRINUSE = known("EADDRINUSE", 98, "Address already in use");
    public static final Errno EADDRNOTAVAIL = known("EADDRNOTAVAIL", 99, "Cannot assign requested address");
    public static final Errno ENETUNREACH = known("ENETUNREACH", 101, "Network is unreachable");
    public static final Errno ECONNABORTED = known("ECONNABORTED", 103, "Software caused connection abort");
    public static final Errno ECONNRESET = known("ECONNRESET", 104, "Connection reset by peer");
    public static final Errno ENOBUFS = known("ENOBUFS", 105, "No buffer space available");
    public static final Errno EISCONN = known("EISCONN", 106, "Transport endpoint is already connected");
    public static final Errno ENOTCONN = known("ENOTCONN", 107, "Transport endpoint is not connected");
    public static final Errno ESHUTDOWN = known("ESHUTDOWN", 108, "Cannot send after transport endpoint shutdown");
    public static final Errno ETIMEDOUT = known("ETIMEDOUT", 110, "Connection timed out");
    public static final Errno ECONNREFUSED = known("ECONNREFUSED", 111, "Connection refused");
    public static final Errno EHOSTUNREACH = known("EHOSTUNREACH", 113, "No route to host");
    public static final Errno EALREADY = known("EALREADY", 114, "Operation already in progress");
    public static final Errno EINPROGRESS = known("EINPROGRESS", 115, "Operation now in progress");

    private final String name;
    private final int number;
    private final String text;

    private Errno(String name, int number, String text) {
        this.name = name;
        this.number = number;
        this.text = text;
    }

    private static Errno known(String name, int number, String text) {
        Errno errno = new Errno(name, number, text);
        BY_NUMBER.put(number, errno);
        KNOWN.put(name, errno);
        return errno;
    }

    /**
     * The errno with this number: the constant when there is one, else a value named and
     * described as the C library does ({@code strerrorname_np}, {@code strerror}). The first
     * description of a number is kept.
     */
    public static Errno of(int number, String name, String text) {
        return BY_NUMBER.computeIfAbsent(number, unknown -> new Errno(name, number, text));
    }

    /** The errno with this number, if it is a constant or has been met. */
    public static Optional<Errno> byNumber(int number) {
        return java.util.Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** The constants, in the order of their numbers' first use here. */
    public static Errno[] values() {
        return KNOWN.values().toArray(new Errno[0]);
    }

    /** The constant called {@code name}, as an enum's valueOf. */
    public static Errno valueOf(String name) {
        Errno errno = KNOWN.get(name);
        if (errno == null) {
            throw new IllegalArgumentException("no errno constant " + name);
        }
        return errno;
    }

    /** The symbolic name, {@code ECONNREFUSED}. */
    public String name() {
        return name;
    }

    public int number() {
        return number;
    }

    /** The C library's description, as {@code strerror} gives it on Linux. */
    public String text() {
        return text;
    }

    /** The exception class CPython raises for this errno (PEP 3151), by number as CPython picks it. */
    public String pythonClass() {
        return PEP_3151.getOrDefault(number, "OSError");
    }

    /** CPython's {@code errnomap} (Objects/exceptions.c) for Linux's numbers. */
    private static final Map<Integer, String> PEP_3151 = pep3151();

    private static Map<Integer, String> pep3151() {
        Map<Integer, String> map = new LinkedHashMap<>();
        map.put(11, "BlockingIOError");     // EAGAIN (EWOULDBLOCK)
        map.put(114, "BlockingIOError");    // EALREADY
        map.put(115, "BlockingIOError");    // EINPROGRESS
        map.put(32, "BrokenPipeError");     // EPIPE
        map.put(108, "BrokenPipeError");    // ESHUTDOWN
        map.put(10, "ChildProcessError");   // ECHILD
        map.put(103, "ConnectionAbortedError");
        map.put(111, "ConnectionRefusedError");
        map.put(104, "ConnectionResetError");
        map.put(17, "FileExistsError");     // EEXIST
        map.put(2, "FileNotFoundError");    // ENOENT
        map.put(21, "IsADirectoryError");   // EISDIR
        map.put(20, "NotADirectoryError");  // ENOTDIR
        map.put(4, "InterruptedError");     // EINTR
        map.put(13, "PermissionError");     // EACCES
        map.put(1, "PermissionError");      // EPERM
        map.put(3, "ProcessLookupError");   // ESRCH
        map.put(110, "TimeoutError");       // ETIMEDOUT
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return name;
    }
}
