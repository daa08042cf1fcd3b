package io.sockshell.engine;

/**
 * The Linux errno values the engine can report, with glibc's {@code strerror} text and the
 * CPython exception class that {@code OSError} picks for each (PEP 3151).
 */
public enum Errno {
    EINTR(4, "Interrupted system call", "InterruptedError"),
    EBADF(9, "Bad file descriptor", "OSError"),
    EAGAIN(11, "Resource temporarily unavailable", "BlockingIOError"),
    EACCES(13, "Permission denied", "PermissionError"),
    EINVAL(22, "Invalid argument", "OSError"),
    EPIPE(32, "Broken pipe", "BrokenPipeError"),
    EDESTADDRREQ(89, "Destination address required", "OSError"),
    EMSGSIZE(90, "Message too long", "OSError"),
    EOPNOTSUPP(95, "Operation not supported", "OSError"),
    EAFNOSUPPORT(97, "Address family not supported by protocol", "OSError"),
    EADDRINUSE(98, "Address already in use", "OSError"),
    EADDRNOTAVAIL(99, "Cannot assign requested address", "OSError"),
    ENETUNREACH(101, "Network is unreachable", "OSError"),
    ECONNABORTED(103, "Software caused connection abort", "ConnectionAbortedError"),
    ECONNRESET(104, "Connection reset by peer", "ConnectionResetError"),
    ENOBUFS(105, "No buffer space available", "OSError"),
    EISCONN(106, "Transport endpoint is already connected", "OSError"),
    ENOTCONN(107, "Transport endpoint is not connected", "OSError"),
    ETIMEDOUT(110, "Connection timed out", "TimeoutError"),
    ECONNREFUSED(111, "Connection refused", "ConnectionRefusedError"),
    EHOSTUNREACH(113, "No route to host", "OSError"),
    EALREADY(114, "Operation already in progress", "BlockingIOError"),
    EINPROGRESS(115, "Operation now in progress", "BlockingIOError"),
    EMFILE(24, "Too many open files", "OSError"),
    ENOPROTOOPT(92, "Protocol not available", "OSError");

    private final int number;
    private final String text;
    private final String pythonClass;

    Errno(int number, String text, String pythonClass) {
        this.number = number;
        this.text = text;
        this.pythonClass = pythonClass;
    }

    public int number() {
        return number;
    }

    /** The C library's description, as {@code strerror} gives it on Linux. */
    public String text() {
        return text;
    }

    public String pythonClass() {
        return pythonClass;
    }
}
