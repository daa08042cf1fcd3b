package io.sockshell.engine;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A failed socket call, described the way CPython reports it: the exception class, the errno
 * where there is one, and the message. {@link #pythonLine()} is the last line of CPython's
 * traceback, for example {@code OSError: [Errno 98] Address already in use}.
 */
public final class SockError extends Exception {
    private final String pythonClass;
    private final Errno errno;
    private final String detail;
    /** For a send cut short by a cancel: how many bytes had gone; -1 for every other error. */
    private final long sentBeforeInterrupt;

    private SockError(String pythonClass, Errno errno, String detail, Throwable cause) {
        this(pythonClass, errno, detail, cause, -1);
    }

    private SockError(String pythonClass, Errno errno, String detail, Throwable cause, long sentBeforeInterrupt) {
        super(format(pythonClass, errno, detail), cause);
        this.pythonClass = pythonClass;
        this.errno = errno;
        this.detail = detail;
        this.sentBeforeInterrupt = sentBeforeInterrupt;
    }

    public static SockError of(Errno errno) {
        return new SockError(errno.pythonClass(), errno, errno.text(), null);
    }

    public static SockError of(Errno errno, Throwable cause) {
        return new SockError(errno.pythonClass(), errno, errno.text(), cause);
    }

    /** An error about a file, named after the text as CPython names it: {@code ...: '/tmp/x.sock'}. */
    public static SockError ofFile(Errno errno, String filename) {
        return new SockError(errno.pythonClass(), errno, errno.text() + ": " + PyRepr.str(filename), null);
    }

    /** An exception with no errno, such as {@code TimeoutError: timed out}. */
    public static SockError plain(String pythonClass, String message) {
        return new SockError(pythonClass, null, message, null);
    }

    /** A name-resolution failure, which CPython numbers with the negative EAI codes. */
    public static SockError gai(int code, String message) {
        return new SockError("socket.gaierror", null, "[Errno " + code + "] " + message, null);
    }

    public static SockError timedOut() {
        return plain("TimeoutError", "timed out");
    }

    public static SockError interrupted() {
        return plain("KeyboardInterrupt", "");
    }

    /**
     * A send cancelled after {@code sent} bytes had gone. CPython loses that count (the signal
     * handler raises once the call has returned it); the shell keeps it, labelled:
     * {@code KeyboardInterrupt (4161536 bytes were sent)}.
     */
    public static SockError interruptedAfterSending(long sent) {
        return new SockError("KeyboardInterrupt", null, "", null, sent);
    }

    /** How many bytes a cancelled send had sent, when this error is such a cancel. */
    public OptionalLong sentBeforeInterrupt() {
        return sentBeforeInterrupt < 0 ? OptionalLong.empty() : OptionalLong.of(sentBeforeInterrupt);
    }

    public static SockError valueError(String message) {
        return plain("ValueError", message);
    }

    /**
     * An I/O failure whose cause could not be classified. It says so instead of guessing an
     * errno, and keeps the JDK's own message.
     */
    public static SockError unclassified(Throwable cause) {
        String message = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new SockError("OSError", null, "unclassified error (" + message + ")", cause);
    }

    public String pythonClass() {
        return pythonClass;
    }

    public Optional<Errno> errno() {
        return Optional.ofNullable(errno);
    }

    public boolean isWouldBlock() {
        return errno == Errno.EAGAIN;
    }

    /** CPython's last traceback line for this error (a cancelled send adds what it had sent). */
    public String pythonLine() {
        return sentBeforeInterrupt < 0 ? getMessage()
                : getMessage() + " (" + sentBeforeInterrupt + (sentBeforeInterrupt == 1 ? " byte was" : " bytes were") + " sent)";
    }

    private static String format(String pythonClass, Errno errno, String detail) {
        String text = errno == null ? detail : "[Errno " + errno.number() + "] " + detail;
        return text.isEmpty() ? pythonClass : pythonClass + ": " + text;
    }

    String detail() {
        return detail;
    }
}
