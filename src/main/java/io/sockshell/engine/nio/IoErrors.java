package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.SockError;
import java.io.IOException;
import java.net.BindException;
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

/**
 * Turns JDK exceptions into CPython's errors. Java carries no errno, so the class narrows the
 * choice and the message (Linux's strerror text, which the JDK passes through) decides it:
 * a {@code BindException} may be EADDRINUSE or EADDRNOTAVAIL.
 */
final class IoErrors {
    private IoErrors() {
    }

    static SockError map(Throwable e) {
        if (e instanceof ClosedChannelException) {
            return SockError.of(Errno.EBADF, e);
        }
        if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
            return SockError.gai(-2, "Name or service not known");
        }
        if (e instanceof AlreadyBoundException) {
            return SockError.of(Errno.EINVAL, e);
        }
        if (e instanceof AlreadyConnectedException) {
            return SockError.of(Errno.EISCONN, e);
        }
        if (e instanceof ConnectionPendingException) {
            return SockError.of(Errno.EALREADY, e);
        }
        if (e instanceof NotYetConnectedException) {
            return SockError.of(Errno.ENOTCONN, e);
        }
        if (e instanceof UnsupportedAddressTypeException) {
            return SockError.of(Errno.EAFNOSUPPORT, e);
        }
        if (e instanceof PortUnreachableException) {
            return SockError.of(Errno.ECONNREFUSED, e);
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
        if (e instanceof BindException || e instanceof IOException || e instanceof RuntimeException) {
            return SockError.unclassified(e);
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
