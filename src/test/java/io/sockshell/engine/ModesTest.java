package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Python's three modes for every call that can wait: blocking waits for the peer, nonblocking
 * raises BlockingIOError, timeout mode raises TimeoutError; with something ready, every mode
 * answers at once.
 */
@Timeout(10)
class ModesTest {
    private static final String WOULD_BLOCK = "BlockingIOError: [Errno 11] Resource temporarily unavailable";
    private static final String TIMED_OUT = "TimeoutError: timed out";

    enum Mode {
        BLOCKING(null), NONBLOCKING(0.0), TIMEOUT(0.1);

        final Double timeout;

        Mode(Double timeout) {
            this.timeout = timeout;
        }

        void apply(Sock sock) throws SockError {
            sock.settimeout(timeout);
        }
    }

    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    void aNewSocketIsBlocking() throws Exception {
        assertNull(net.tcp().gettimeout());
        assertNull(net.udp().gettimeout());
    }

    @Test
    void setblockingAndSettimeoutSetTheSameModeAsPythonReadsItBack() throws Exception {
        Sock s = net.tcp();
        s.setblocking(false);
        assertEquals(0.0, s.gettimeout());
        s.setblocking(true);
        assertNull(s.gettimeout());
        s.settimeout(0.0);
        assertEquals(0.0, s.gettimeout());
        s.settimeout(2.5);
        assertEquals(2.5, s.gettimeout());
        s.settimeout(null);
        assertNull(s.gettimeout());
        assertEquals(SocketState.FRESH, s.info().state(), "the mode is not the state");
    }

    @Test
    void settimeoutWithANegativeValueRaisesValueErrorAndKeepsTheMode() throws Exception {
        Sock s = net.tcp();
        s.settimeout(1.5);
        assertRaises("ValueError: Timeout value out of range", () -> s.settimeout(-1.0));
        assertRaises("ValueError: Invalid value NaN (not a number)", () -> s.settimeout(Double.NaN));
        assertEquals(1.5, s.gettimeout());
    }

    @Test
    void anAcceptedSocketIsBlockingWhateverTheListenersMode() throws Exception {
        Sock listener = net.listener();
        listener.settimeout(2.0);
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        assertNull(net.adopt(listener.accept().socket()).gettimeout());
        listener.setblocking(false);
        net.tcp().connect(HOST, port(listener));
        net.awaitReadable(listener);
        assertNull(net.adopt(listener.accept().socket()).gettimeout());
    }

    // accept

    @ParameterizedTest
    @EnumSource(Mode.class)
    void acceptWithAClientWaitingReturnsAtOnceInEveryMode(Mode mode) throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        net.awaitReadable(listener);
        mode.apply(listener);
        Accepted accepted = listener.accept();
        net.adopt(accepted.socket());
        assertEquals(client.getsockname(), accepted.peer());
    }

    @Test
    void acceptWithNoClientWaitsInBlockingModeUntilOneConnects() throws Exception {
        Sock listener = net.listener();
        Loopback.Background<Accepted> accept = net.background(listener::accept);
        accept.awaitBlocked();
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        Accepted accepted = accept.get();
        net.adopt(accepted.socket());
        assertEquals(client.getsockname(), accepted.peer());
    }

    @Test
    void acceptWithNoClientRaisesBlockingIOErrorInNonblockingMode() throws Exception {
        Sock listener = net.listener();
        listener.setblocking(false);
        SockError error = assertRaises(WOULD_BLOCK, listener::accept);
        assertTrue(error.isWouldBlock());
        assertEquals(Errno.EAGAIN, error.errno().orElseThrow());
    }

    @Test
    void acceptWithNoClientRaisesTimeoutErrorInTimeoutMode() throws Exception {
        Sock listener = net.listener();
        listener.settimeout(0.1);
        SockError error = assertRaises(TIMED_OUT, listener::accept);
        assertTrue(error.errno().isEmpty());
        assertEquals(SocketState.LISTENING, listener.info().state());
    }

    // recv and recvfrom on a stream

    @ParameterizedTest
    @EnumSource(Mode.class)
    void recvWithDataWaitingReturnsAtOnceInEveryMode(Mode mode) throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("ready"));
        net.awaitReadable(pair.server());
        mode.apply(pair.server());
        assertEquals(PyBytes.ascii("re"), pair.server().recv(2));
        assertEquals(PyBytes.ascii("ady"), pair.server().recvfrom(10).data());
    }

    @Test
    void recvWithNothingToReadWaitsInBlockingModeUntilDataArrives() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<PyBytes> recv = net.background(() -> pair.server().recv(100));
        recv.awaitBlocked();
        pair.client().send(PyBytes.ascii("late"));
        assertEquals(PyBytes.ascii("late"), recv.get());
    }

    @Test
    void recvWithNothingToReadWaitsInBlockingModeUntilThePeerShutsDown() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<PyBytes> recv = net.background(() -> pair.server().recv(100));
        recv.awaitBlocked();
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertEquals(PyBytes.EMPTY, recv.get());
    }

    @Test
    void recvfromWithNothingToReadWaitsInBlockingModeUntilDataArrives() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<Datagram> recv = net.background(() -> pair.server().recvfrom(100));
        recv.awaitBlocked();
        pair.client().send(PyBytes.ascii("late"));
        assertEquals("(b'late', None)", recv.get().pythonRepr());
    }

    @Test
    void recvOnANonblockingSocketWithNothingReadyRaisesBlockingIOError() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.server().setblocking(false);
        assertRaises(WOULD_BLOCK, () -> pair.server().recv(100));
        assertRaises(WOULD_BLOCK, () -> pair.server().recvfrom(100));
        pair.client().send(PyBytes.ascii("now"));
        net.awaitReadable(pair.server());
        assertEquals(PyBytes.ascii("now"), pair.server().recv(100), "the socket is still usable");
    }

    @Test
    void recvWithATimeoutAndNothingReadyRaisesTimeoutErrorAndTheSocketStaysUsable() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.server().settimeout(0.1);
        assertRaises(TIMED_OUT, () -> pair.server().recv(100));
        assertRaises(TIMED_OUT, () -> pair.server().recvfrom(100));
        pair.client().send(PyBytes.ascii("after"));
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("after"), pair.server().recv(100));
    }

    // UDP recv and recvfrom

    @ParameterizedTest
    @EnumSource(Mode.class)
    void datagramSendtoAndRecvfromWithRoomAndAMessageWaitingReturnAtOnceInEveryMode(Mode mode) throws Exception {
        Sock receiver = net.boundUdp();
        Sock sender = net.boundUdp();
        mode.apply(sender);
        assertEquals(3, sender.sendto(PyBytes.ascii("one"), HOST, port(receiver)));
        assertEquals(3, sender.sendto(PyBytes.ascii("two"), HOST, port(receiver)));
        net.awaitReadable(receiver);
        mode.apply(receiver);
        assertEquals(new Datagram(PyBytes.ascii("one"), sender.getsockname()), receiver.recvfrom(10));
        net.awaitReadable(receiver);
        assertEquals(PyBytes.ascii("two"), receiver.recv(10));
    }

    @Test
    void datagramRecvfromWaitsInBlockingModeUntilAMessageArrives() throws Exception {
        Sock receiver = net.boundUdp();
        Loopback.Background<Datagram> recv = net.background(() -> receiver.recvfrom(100));
        recv.awaitBlocked();
        Sock sender = net.boundUdp();
        sender.sendto(PyBytes.ascii("late"), HOST, port(receiver));
        assertEquals(new Datagram(PyBytes.ascii("late"), sender.getsockname()), recv.get());
    }

    @Test
    void datagramRecvWithNothingReadyRaisesBlockingIOErrorOrTimeoutErrorByMode() throws Exception {
        Sock receiver = net.boundUdp();
        receiver.setblocking(false);
        assertRaises(WOULD_BLOCK, () -> receiver.recvfrom(100));
        assertRaises(WOULD_BLOCK, () -> receiver.recv(100));
        receiver.settimeout(0.1);
        assertRaises(TIMED_OUT, () -> receiver.recvfrom(100));
        assertRaises(TIMED_OUT, () -> receiver.recv(100));
    }

    // send and sendall

    @ParameterizedTest
    @EnumSource(Mode.class)
    void sendWithRoomInTheBuffersSendsEverythingAtOnceInEveryMode(Mode mode) throws Exception {
        Loopback.Pair pair = net.pair();
        mode.apply(pair.client());
        assertEquals(5, pair.client().send(PyBytes.ascii("12345")));
        pair.client().sendall(PyBytes.ascii("678"));
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("12345678"), Loopback.recvAll(pair.server(), 100));
    }

    @Test
    void sendOnFullBuffersWaitsInBlockingModeUntilThePeerReads() throws Exception {
        Loopback.Pair pair = fullPair();
        pair.client().setblocking(true);
        Loopback.Background<Integer> send = net.background(() -> pair.client().send(PyBytes.ascii("m").repeat(1000)));
        send.awaitBlocked();
        drainUntilDone(pair.server(), send);
        assertTrue(send.get() > 0);
    }

    @Test
    void sendOnFullBuffersRaisesBlockingIOErrorInNonblockingMode() throws Exception {
        Loopback.Pair pair = fullPair();
        assertRaises(WOULD_BLOCK, () -> pair.client().send(PyBytes.ascii("m")));
        assertRaises(WOULD_BLOCK, () -> pair.client().sendall(PyBytes.ascii("m")));
    }

    @Test
    void sendOnFullBuffersRaisesTimeoutErrorInTimeoutMode() throws Exception {
        Loopback.Pair pair = fullPair();
        pair.client().settimeout(0.1);
        assertRaises(TIMED_OUT, () -> pair.client().send(PyBytes.ascii("m")));
        assertRaises(TIMED_OUT, () -> pair.client().sendall(PyBytes.ascii("m")));
    }

    /**
     * A pair whose client, nonblocking, has filled both buffers: the kernel moves data from the
     * send buffer into the peer's for a while after the first EAGAIN, so fill until the client
     * has stayed unwritable for 0.2 s and a one-byte send still raises EAGAIN.
     */
    private Loopback.Pair fullPair() throws Exception {
        Sock listener = net.tcp();
        listener.setsockopt(SockOption.SO_RCVBUF, 4096);
        listener.bind(HOST, 0);
        listener.listen(1);
        Sock client = net.tcp();
        client.setsockopt(SockOption.SO_SNDBUF, 4096);
        client.connect(HOST, port(listener));
        Sock server = net.adopt(listener.accept().socket());
        client.setblocking(false);
        for (int round = 0; round < 20; round++) {
            fillUntilWouldBlock(client, PyBytes.ascii("f").repeat(65536));
            fillUntilWouldBlock(client, PyBytes.ascii("f"));
            if (net.backend.select(List.of(), List.of(client), List.of(), 0.2).writable().isEmpty()) {
                try {
                    client.send(PyBytes.ascii("f"));
                } catch (SockError e) {
                    assertEquals(WOULD_BLOCK, e.pythonLine());
                    return new Loopback.Pair(client, server, listener);
                }
            }
        }
        throw new AssertionError("the buffers never stayed full");
    }

    private static void fillUntilWouldBlock(Sock client, PyBytes chunk) throws SockError {
        for (int i = 0; i < 100_000; i++) {
            try {
                client.send(chunk);
            } catch (SockError e) {
                assertEquals(WOULD_BLOCK, e.pythonLine());
                return;
            }
        }
        throw new AssertionError("the buffers never filled");
    }

    /** Reads from {@code server} until the background call is done, each wait bounded. */
    private void drainUntilDone(Sock server, Loopback.Background<?> call) throws Exception {
        server.setblocking(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Loopback.WAIT_SECONDS);
        while (!call.future().isDone() && System.nanoTime() < deadline) {
            if (!net.backend.select(List.of(server), List.of(), List.of(), 0.05).readable().isEmpty()) {
                server.recv(1 << 16);
            }
        }
    }

    // connect

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BLOCKING", "TIMEOUT"})
    void connectToAListenerCompletesAtOnceInBlockingAndTimeoutMode(Mode mode) throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        mode.apply(client);
        client.connect(HOST, port(listener));
        assertEquals(SocketState.CONNECTED, client.info().state());
        if (mode == Mode.TIMEOUT && Backends.posix()) {
            // CPython's timed connect ends with getsockopt(SO_ERROR), never a second connect(),
            // so Linux still counts the socket as connecting: the next connect returns 0.
            client.connect(HOST, port(listener));
            return;
        }
        assertRaises("OSError: [Errno 106] Transport endpoint is already connected",
                () -> client.connect(HOST, port(listener)));
    }

    @Test
    void nonblockingConnectRaisesInProgressThenCompletesAndTheNextConnectSaysSo() throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.setblocking(false);
        assertRaises("BlockingIOError: [Errno 115] Operation now in progress", () -> client.connect(HOST, port(listener)));
        Readiness<Sock> ready = net.backend.select(List.of(), List.of(client), List.of(), 5.0);
        assertEquals(List.of(client), ready.writable());
        assertEquals(0, client.connectEx(HOST, port(listener)), "the first connect after completion returns 0");
        assertEquals(106, client.connectEx(HOST, port(listener)));
        assertEquals(SocketState.CONNECTED, client.info().state());
        assertEquals(0, client.getsockopt(SockOption.SO_ERROR));
    }

    @Test
    void connectExOfANonblockingSocketReturnsInProgressInsteadOfRaising() throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.setblocking(false);
        assertEquals(115, client.connectEx(HOST, port(listener)));
    }

    @Test
    void connectToAFullBacklogWaitsInBlockingModeUntilCancelled() throws Exception {
        Sock listener = fullListener();
        Sock client = net.tcp();
        Loopback.Background<Void> connect = net.background(() -> {
            client.connect(HOST, port(listener));
            return null;
        });
        connect.awaitBlocked();
        assertEquals(SocketState.CONNECTING, client.info().state());
        connect.signal().cancel();
        assertRaises("KeyboardInterrupt", connect::get);
    }

    @Test
    void connectToAFullBacklogStaysInProgressInNonblockingMode() throws Exception {
        Sock listener = fullListener();
        Sock client = net.tcp();
        client.setblocking(false);
        assertRaises("BlockingIOError: [Errno 115] Operation now in progress", () -> client.connect(HOST, port(listener)));
        assertRaises("BlockingIOError: [Errno 114] Operation already in progress",
                () -> client.connect(HOST, port(listener)));
        assertEquals(114, client.connectEx(HOST, port(listener)));
        assertRaises(WOULD_BLOCK, () -> client.recv(10));
        assertRaises(WOULD_BLOCK, () -> client.send(PyBytes.ascii("x")));
        assertRaises("OSError: [Errno 107] Transport endpoint is not connected", client::getpeername);
    }

    @Test
    void connectToAFullBacklogRaisesTimeoutErrorInTimeoutModeAndThenAlreadyInProgress() throws Exception {
        Sock listener = fullListener();
        Sock client = net.tcp();
        client.settimeout(0.1);
        assertRaises(TIMED_OUT, () -> client.connect(HOST, port(listener)));
        assertEquals(SocketState.CONNECTING, client.info().state());
        assertRaises("BlockingIOError: [Errno 114] Operation already in progress",
                () -> client.connect(HOST, port(listener)));
        assertRaises(TIMED_OUT, () -> client.recv(10));
        assertRaises(TIMED_OUT, () -> client.send(PyBytes.ascii("x")));
        Sock other = net.tcp();
        other.settimeout(0.1);
        assertEquals(11, other.connectEx(HOST, port(listener)), "connect_ex reports its timeout as EWOULDBLOCK");
    }

    /** A listener with listen(1) whose backlog two unaccepted connections fill. */
    private Sock fullListener() throws Exception {
        Sock listener = net.tcp();
        listener.bind(HOST, 0);
        listener.listen(1);
        for (int i = 0; i < 4; i++) {
            Sock filler = net.tcp();
            filler.setblocking(false);
            filler.connectEx(HOST, port(listener));
            if (net.backend.select(List.of(), List.of(filler), List.of(), 0.2).writable().isEmpty()) {
                return listener;
            }
        }
        throw new AssertionError("the backlog never filled");
    }
}
