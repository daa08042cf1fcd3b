package io.sockshell.engine.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.Errno;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SocketState;
import io.sockshell.engine.nio.TcpState.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TCP life as a value: the transitions the socket relies on, apart from any channel. */
@Timeout(10)
class TcpStateTest {
    private static final TcpState CONNECTED = TcpState.UNCONNECTED.connectedAtOnce();

    @Test
    void aConnectDoneInTheBackgroundIsUnseenUntilAConnectCallSeesIt() {
        TcpState done = TcpState.UNCONNECTED.connectStarted().connectDone();
        assertEquals(Phase.CONNECTED, done.phase());
        assertTrue(done.isUnseen());
        assertFalse(done.connectSeen().isUnseen());
        assertFalse(CONNECTED.isUnseen(), "a connect that finished at once was seen by its own call");
    }

    @Test
    void seeingTheConnectKeepsALostConnectionLost() {
        TcpState lost = TcpState.UNCONNECTED.connectStarted().connectDone().lost();
        assertEquals(Phase.LOST, lost.connectSeen().phase());
        assertFalse(lost.established());
        assertTrue(lost.connected());
    }

    @Test
    void aFailedConnectsErrorIsReportedOnceAndAConnectCallEndsTheFailure() {
        TcpState failed = TcpState.UNCONNECTED.connectStarted().connectFailed(Errno.ECONNREFUSED);
        assertEquals(Errno.ECONNREFUSED, failed.pendingError());
        TcpState taken = failed.errorTaken();
        assertNull(taken.pendingError());
        assertTrue(taken.hasFailedToConnect(), "recv, send and SO_ERROR take the error, not the failure");
        assertSame(TcpState.UNCONNECTED, taken.failureReported());
        assertSame(CONNECTED, CONNECTED.failureReported(), "only a failure is reported");
    }

    @Test
    void onlyAConnectionCanBeLostAndAResetIsReportedOnce() {
        assertSame(TcpState.UNCONNECTED, TcpState.UNCONNECTED.lost());
        TcpState listening = TcpState.UNCONNECTED.listening();
        assertSame(listening, listening.lost());
        assertSame(listening, listening.resetReported());
        TcpState reset = CONNECTED.resetReported();
        assertTrue(reset.hasReportedReset());
        assertEquals(Phase.RESET_REPORTED, reset.lost().phase(), "a later refused send changes nothing");
        assertEquals(Phase.RESET_REPORTED, CONNECTED.lost().resetReported().phase());
    }

    @Test
    void shutDirectionsAddUpAndShowAsHalfClosed() {
        TcpState read = CONNECTED.shut(ShutdownHow.SHUT_RD);
        assertTrue(read.shutRead());
        assertFalse(read.shutWrite());
        TcpState both = read.shut(ShutdownHow.SHUT_WR);
        assertTrue(both.shutRead() && both.shutWrite());
        assertEquals(SocketState.HALF_CLOSED, both.learnerState(true));
        assertEquals(SocketState.HALF_CLOSED, both.lost().learnerState(true), "a lost connection still shows");
    }

    @Test
    void theLearnerSeesFreshBoundListeningConnectingAndConnected() {
        assertEquals(SocketState.FRESH, TcpState.UNCONNECTED.learnerState(false));
        assertEquals(SocketState.BOUND, TcpState.UNCONNECTED.learnerState(true));
        assertEquals(SocketState.LISTENING, TcpState.UNCONNECTED.listening().learnerState(true));
        assertEquals(SocketState.BOUND, TcpState.UNCONNECTED.listening().stoppedListening().learnerState(true));
        assertEquals(SocketState.CONNECTING, TcpState.UNCONNECTED.connectStarted().learnerState(true));
        assertEquals(SocketState.CONNECTED, TcpState.ACCEPTED.learnerState(true));
        assertEquals(SocketState.BOUND,
                TcpState.UNCONNECTED.connectStarted().connectFailed(Errno.ECONNREFUSED).learnerState(true),
                "a failed connect leaves the socket as it was before");
    }
}
