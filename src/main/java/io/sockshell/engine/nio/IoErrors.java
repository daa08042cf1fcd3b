package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.List;

/**
 * Turns JDK exceptions into CPython's errors. Java carries no errno, so the class narrows the
 * choice and the message (Linux's strerror text, which the JDK passes through) decides it:
 * a {@code BindException} may be EADDRINUSE or EADDRNOTAVAIL.
 */
final class IoErrors {
    /** Exceptions whose class alone says the errno, checked in order before any message. */
    private static final List<ByClass> BY_CLASS = List.of(
            new ByClass(ClosedChannelException.class, Errno.EBADF),
            new ByClass(AlreadyBoundException.class, Errno.EINVAL),
            new ByClass(AlreadyConnectedException.class, Errno.EISCONN),
            new ByClass(ConnectionPendingException.class, Errno.EALREADY),
            new ByClass(NotYetConnectedException.class, Errno.ENOTCONN),
            new ByClass(UnsupportedAddressTypeException.class, Errno.EAFNOSUPPORT),
            new ByClass(PortUnreachableException.class, Errno.ECONNREFUSED));

    private record ByClass(Class<? extends Throwable> type, Errno errno) {
    }

    private IoErrors() {
    }

    static SockError map(Throwable e) {
        if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
            return SockError.gai(-2, "Name or service not known");
        }
        for (ByClass known : BY_CLASS) {
            if (known.type().isInstance(e)) {
                return SockError.of(known.errno(), e);
            }
        }
        Errno byText = byMessage(e.getMessage());
        if (byText != null) {
            return SockError.of(byText, e);
        }
        if (e instanceof NoRouteToHostException) {
            return SockError.of(Errno.EHOSTUNREACH, e);
        }
        if (e instanceof ConnectException && e.getMessage() == null) {
            return SockError.of(Errno.ECONNREFUSED, e);
        }
        return SockError.unclassified(e);
    }

    /** The errno whose strerror text the message carries; the JDK says "Connection reset" for ECONNRESET. */
    private static Errno byMessage(String message) {
        if (message == null) {
            return null;
        }
        if (message.contains("Connection reset")) {
            return Errno.ECONNRESET;
        }
        for (Errno errno : Errno.values()) {
            if (message.contains(errno.text())) {
                return errno;
            }
        }
        return null;
    }
}
