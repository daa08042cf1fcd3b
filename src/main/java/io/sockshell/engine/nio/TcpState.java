package io.sockshell.engine.nio;

import io.sockshell.engine.Errno;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SocketState;

/**
 * Where a TCP socket is in its life, in one value that is replaced whole at each transition.
 * Every transition is a method here; the socket holds the current value in a volatile field,
 * replaces it only while holding its own lock, and may read it without.
 *
 * <p>The life follows the kernel's, as CPython shows it on Linux, including what NIO alone
 * would get wrong (it knows no "connect failed, error not yet reported", and raises a reset on
 * every read). Every transition, from, by, to, and the call that makes it:
 * <pre>
 *   UNCONNECTED     listening         LISTENING         listen
 *   LISTENING       stoppedListening  UNCONNECTED       shutdown; the socket stays bound
 *   UNCONNECTED     connectedAtOnce   CONNECTED         connect, done at once
 *   UNCONNECTED     connectStarted    CONNECTING        connect, under way (failing at once changes nothing)
 *   CONNECTING      connectDone       CONNECTED, unseen the connect finished with no connect call waiting
 *   CONNECTED       connectSeen       CONNECTED         a connect call saw it; the next raises EISCONN
 *   CONNECTING      connectFailed     CONNECT_FAILED    the connect failed; its error is pending
 *   CONNECT_FAILED  errorTaken        CONNECT_FAILED    recv, send or SO_ERROR reported the error
 *   CONNECT_FAILED  failureReported   UNCONNECTED       a connect reported the failure; it may connect again
 *   CONNECTED       shut              CONNECTED         shutdown: that direction is shut
 *   UNCONNECTED     shut              UNCONNECTED       shutdown, refused with ENOTCONN yet in effect, as in Linux
 *   CONNECTED       lost              LOST              recv met a reset, or send one or a broken pipe
 *   CONNECTED, LOST resetReported     RESET_REPORTED    recv raised the reset; later ones read as b''
 * </pre>
 * UNCONNECTED covers fresh and bound sockets alike: whether it has an address is the
 * channel's to say. Closing is not a state here: stream and datagram sockets share it.
 */
final class TcpState {
    enum Phase {
        /** No connection: fresh, bound, or back after a failed connect (Linux's TCP_CLOSE). */
        UNCONNECTED,
        /** Accepting connections (TCP_LISTEN); the channel is a server channel. */
        LISTENING,
        /** A connect is under way (TCP_SYN_SENT). */
        CONNECTING,
        /** Connected (TCP_ESTABLISHED, or one of its shut-down halves). */
        CONNECTED,
        /**
         * A connect failed in the background. Linux reports the error once (to connect, recv,
         * send or SO_ERROR); then recv gives {@code b''}, send EPIPE and connect ECONNABORTED.
         */
        CONNECT_FAILED,
        /** The peer reset the connection or the kernel refused a send: it is gone (ENOTCONN). */
        LOST,
        /** recv has raised ECONNRESET once; Linux reports a reset once, then end of stream. */
        RESET_REPORTED
    }

    /** A socket as {@code socket()} makes it. */
    static final TcpState UNCONNECTED = new TcpState(Phase.UNCONNECTED, false, null, false, false);
    /** A socket {@code accept} returned. */
    static final TcpState ACCEPTED = new TcpState(Phase.CONNECTED, false, null, false, false);

    private final Phase phase;
    /**
     * A connect finished in the background and no connect call has seen it yet. Linux keeps
     * such a socket "connecting" until the next connect, which then returns 0 (not EISCONN).
     */
    private final boolean unseen;
    /** The error of a connect that failed in the background, until something reports it. */
    private final Errno pendingError;
    private final boolean shutRead;
    private final boolean shutWrite;

    private TcpState(Phase phase, boolean unseen, Errno pendingError, boolean shutRead, boolean shutWrite) {
        this.phase = phase;
        this.unseen = unseen;
        this.pendingError = pendingError;
        this.shutRead = shutRead;
        this.shutWrite = shutWrite;
    }

    private TcpState to(Phase next) {
        return new TcpState(next, unseen, pendingError, shutRead, shutWrite);
    }

    // --- transitions ---------------------------------------------------------------------

    TcpState listening() {
        return to(Phase.LISTENING);
    }

    /** shutdown of a listener: Linux stops it; it stays bound and may listen again. */
    TcpState stoppedListening() {
        return UNCONNECTED;
    }

    TcpState connectStarted() {
        return to(Phase.CONNECTING);
    }

    /** The connect call itself made the connection, without waiting. */
    TcpState connectedAtOnce() {
        return to(Phase.CONNECTED);
    }

    /** The connect under way finished; a connect call still has to see it. */
    TcpState connectDone() {
        return new TcpState(Phase.CONNECTED, true, null, shutRead, shutWrite);
    }

    /** A connect call saw the connection: from now on connect raises EISCONN. */
    TcpState connectSeen() {
        return new TcpState(phase, false, pendingError, shutRead, shutWrite);
    }

    TcpState connectFailed(Errno error) {
        return new TcpState(Phase.CONNECT_FAILED, false, error, false, false);
    }

    /** recv, send or SO_ERROR reported the failed connect's error; it is reported once. */
    TcpState errorTaken() {
        return new TcpState(phase, unseen, null, shutRead, shutWrite);
    }

    /** A connect call reported the failure: the socket may connect again. */
    TcpState failureReported() {
        return phase == Phase.CONNECT_FAILED ? UNCONNECTED : this;
    }

    TcpState shut(ShutdownHow how) {
        return new TcpState(phase, unseen, pendingError, shutRead || how.reads(), shutWrite || how.writes());
    }

    /** A reset or a refused send: only a connection can be lost, and only once. */
    TcpState lost() {
        return phase == Phase.CONNECTED ? to(Phase.LOST) : this;
    }

    /** recv raised ECONNRESET. */
    TcpState resetReported() {
        return connected() ? to(Phase.RESET_REPORTED) : this;
    }

    // --- questions -----------------------------------------------------------------------

    Phase phase() {
        return phase;
    }

    boolean isListening() {
        return phase == Phase.LISTENING;
    }

    boolean isConnecting() {
        return phase == Phase.CONNECTING;
    }

    boolean hasFailedToConnect() {
        return phase == Phase.CONNECT_FAILED;
    }

    /** Connected at some point and not since told otherwise; a lost connection still counts. */
    boolean connected() {
        return phase == Phase.CONNECTED || phase == Phase.LOST || phase == Phase.RESET_REPORTED;
    }

    /** Connected and not lost: what getpeername and shutdown need. */
    boolean established() {
        return phase == Phase.CONNECTED;
    }

    boolean isUnseen() {
        return unseen;
    }

    boolean hasReportedReset() {
        return phase == Phase.RESET_REPORTED;
    }

    /** The failed connect's error not yet reported, or null. */
    Errno pendingError() {
        return pendingError;
    }

    boolean shutRead() {
        return shutRead;
    }

    boolean shutWrite() {
        return shutWrite;
    }

    /** The state as a learner names it, for a socket that is open and has the address it has. */
    SocketState learnerState(boolean bound) {
        if (phase == Phase.LISTENING) {
            return SocketState.LISTENING;
        }
        if (connected()) {
            return shutRead || shutWrite ? SocketState.HALF_CLOSED : SocketState.CONNECTED;
        }
        if (phase == Phase.CONNECTING) {
            return SocketState.CONNECTING;
        }
        return bound ? SocketState.BOUND : SocketState.FRESH;
    }
}
