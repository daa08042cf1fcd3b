package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Timeout;

/** Where a socket is in its life, as {@link SockInfo} shows it, and the counters it keeps. */
@Timeout(10)
class LifecycleTest {
    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    void freshStreamSocketIsFreshBlockingWithTheWildcardAddressAndNoPeer() throws Exception {
        Sock s = net.tcp();
        SockInfo info = s.info();
        assertEquals(SocketState.FRESH, info.state());
        assertEquals(Family.AF_INET, info.family());
        assertEquals(Kind.SOCK_STREAM, info.kind());
        assertEquals("('0.0.0.0', 0)", info.local().pythonRepr());
        assertNull(info.peer());
        assertNull(info.timeout());
        assertEquals("blocking", info.mode());
        assertEquals(0, info.bytesSent() + info.bytesReceived() + info.sendCalls() + info.recvCalls());
    }

    @Test
    void familyKindAndLabelAreWhatTheSocketWasOpenedAndNamedWith() throws Exception {
        Sock s = net.udp6();
        assertEquals(Family.AF_INET6, s.family());
        assertEquals(Kind.SOCK_DGRAM, s.kind());
        assertEquals("?", s.label());
        s.label("server");
        assertEquals("server", s.label());
    }

    @Test
    void bindMakesAFreshSocketBoundAtTheAddressItWasGiven() throws Exception {
        Sock s = net.tcp();
        s.bind(HOST, 0);
        SockInfo info = s.info();
        assertEquals(SocketState.BOUND, info.state());
        assertEquals(HOST, info.local().host());
        assertTrue(info.local().port() > 0);
        assertNull(info.peer());
    }

    @Test
    void listenMakesABoundSocketListeningOnTheSameAddress() throws Exception {
        Sock s = net.tcp();
        s.bind(HOST, 0);
        Address bound = s.getsockname();
        s.listen(5);
        assertEquals(SocketState.LISTENING, s.info().state());
        assertEquals(bound, s.getsockname());
    }

    @Test
    void listenOnAFreshSocketBindsAnEphemeralPortOnEveryAddress() throws Exception {
        Sock s = net.tcp();
        s.listen(1);
        assertEquals(SocketState.LISTENING, s.info().state());
        assertEquals("0.0.0.0", s.getsockname().host());
        assertTrue(s.getsockname().port() > 0);
    }

    @Test
    void listenTwiceIsHarmlessAndKeepsListening() throws Exception {
        Sock listener = net.listener();
        listener.listen(10);
        assertEquals(SocketState.LISTENING, listener.info().state());
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        assertEquals(SocketState.CONNECTED, net.adopt(listener.accept().socket()).info().state());
    }

    @Test
    void shutdownOfAListeningSocketLeavesItBoundAndNoLongerAccepting() throws Exception {
        Sock listener = net.listener();
        listener.shutdown(ShutdownHow.SHUT_RDWR);
        assertEquals(SocketState.BOUND, listener.info().state());
        assertEquals(HOST, listener.getsockname().host());
        assertRaises("OSError: [Errno 22] Invalid argument", listener::accept);
    }

    @Test
    void connectAndAcceptGiveTwoConnectedSocketsThatMirrorEachOthersAddresses() throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        Accepted accepted = listener.accept();
        Sock server = net.adopt(accepted.socket());
        assertEquals(SocketState.CONNECTED, client.info().state());
        assertEquals(SocketState.CONNECTED, server.info().state());
        assertEquals(SocketState.LISTENING, listener.info().state());
        assertEquals(client.getsockname(), accepted.peer());
        assertEquals(client.getsockname(), server.getpeername());
        assertEquals(server.getsockname(), client.getpeername());
        assertEquals(client.info().local(), server.info().peer());
        assertEquals(port(listener), server.getsockname().port());
        assertEquals(Family.AF_INET, server.family());
        assertEquals(Kind.SOCK_STREAM, server.kind());
    }

    @Test
    void connectToTheEmptyHostReachesTheLoopbackAddressAsOnLinux() throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.connect("", port(listener));
        assertEquals(new Address(Family.AF_INET, HOST, port(listener)), client.getpeername());
        Sock listener6 = net.tcp6();
        listener6.bind(Loopback.HOST6, 0);
        listener6.listen(1);
        Sock client6 = net.tcp6();
        client6.connect("", port(listener6));
        assertEquals("('::1', " + port(listener6) + ", 0, 0)", client6.getpeername().pythonRepr());
    }

    @Test
    void aNonblockingConnectToAFullBacklogIsConnectingUntilTheListenerMakesRoom() throws Exception {
        Sock listener = net.tcp();
        listener.bind(HOST, 0);
        listener.listen(1);
        Sock client = pendingClient(listener);
        assertEquals(SocketState.CONNECTING, client.info().state());
        assertNull(client.info().peer());
        assertRaises("BlockingIOError: [Errno 114] Operation already in progress",
                () -> client.connect(HOST, port(listener)));
        assertEquals(SocketState.CONNECTING, client.info().state());
    }

    /**
     * A nonblocking client whose connect stays in progress: the backlog of {@code listener}
     * (listen(1)) is filled by connections nobody accepts, so the kernel drops its SYN.
     */
    private Sock pendingClient(Sock listener) throws Exception {
        for (int i = 0; i < 4; i++) {
            Sock client = net.tcp();
            client.setblocking(false);
            assertRaises("BlockingIOError: [Errno 115] Operation now in progress",
                    () -> client.connect(HOST, port(listener)));
            if (net.backend.select(List.of(), List.of(client), List.of(), 0.2).writable().isEmpty()) {
                return client;
            }
        }
        throw new AssertionError("every connect completed: the backlog never filled");
    }

    @Test
    @EnabledIf(value = "io.sockshell.support.Backends#posix", disabledReason = "the JDK learns a connecting socket's local address only when the connect completes,"
            + " so getsockname shows ('0.0.0.0', 0) where Linux shows the address it picked")
    void getsocknameDuringAPendingConnectShowsTheAddressTheKernelPicked() throws Exception {
        Sock listener = net.tcp();
        listener.bind(HOST, 0);
        listener.listen(1);
        Sock client = pendingClient(listener);
        assertEquals(HOST, client.getsockname().host());
        assertTrue(client.getsockname().port() > 0);
    }

    @Test
    @EnabledIf(value = "io.sockshell.support.Backends#posix", disabledReason = "ServerSocketChannel.bind takes a backlog below 1 as 50, so the engine passes 1 for"
            + " listen(0) and two connections queue where Linux queues one")
    void listenWithABacklogOfZeroQueuesOneConnection() throws Exception {
        Sock listener = net.tcp();
        listener.bind(HOST, 0);
        listener.listen(0);
        Sock first = net.tcp();
        first.connect(HOST, port(listener));
        Sock second = net.tcp();
        second.setblocking(false);
        second.connectEx(HOST, port(listener));
        assertEquals(List.of(), net.backend.select(List.of(), List.of(second), List.of(), 0.2).writable());
    }

    @Test
    void shutdownOfOneDirectionMakesAConnectedSocketHalfClosed() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertEquals(SocketState.HALF_CLOSED, pair.client().info().state());
        assertEquals(SocketState.CONNECTED, pair.server().info().state());
        pair.server().shutdown(ShutdownHow.SHUT_RD);
        assertEquals(SocketState.HALF_CLOSED, pair.server().info().state());
        assertEquals(pair.client().getsockname(), pair.server().info().peer());
    }

    @Test
    void closeMakesASocketClosedWithNoAddressesAndClosingAgainIsHarmless() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock client = pair.client();
        assertFalse(client.isClosed());
        client.close();
        client.close();
        assertTrue(client.isClosed());
        SockInfo info = client.info();
        assertEquals(SocketState.CLOSED, info.state());
        assertNull(info.local());
        assertNull(info.peer());
        pair.listener().close();
        assertEquals(SocketState.CLOSED, pair.listener().info().state());
    }

    @Test
    void countersCountBytesAndCallsOnBothSides() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock client = pair.client();
        Sock server = pair.server();
        assertEquals(3, client.send(PyBytes.ascii("abc")));
        assertEquals(2, client.send(PyBytes.ascii("de")));
        assertEquals(0, client.send(PyBytes.EMPTY));
        client.shutdown(ShutdownHow.SHUT_WR);
        server.settimeout(5.0);
        PyBytes all = Loopback.recvAll(server, 1);
        assertEquals(PyBytes.ascii("abcde"), all);
        SockInfo sent = client.info();
        assertEquals(5, sent.bytesSent());
        assertEquals(3, sent.sendCalls());
        assertEquals(0, sent.bytesReceived());
        SockInfo received = server.info();
        assertEquals(5, received.bytesReceived());
        assertEquals(6, received.recvCalls(), "five one-byte recvs and the b'' that ended them");
        assertEquals(0, received.sendCalls());
    }

    @Test
    void recvOfZeroAndFailedCallsCountAsCallsWithoutBytes() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock server = pair.server();
        server.setblocking(false);
        assertEquals(PyBytes.EMPTY, server.recv(0));
        assertRaises("BlockingIOError: [Errno 11] Resource temporarily unavailable", () -> server.recv(10));
        assertEquals(1, server.info().recvCalls());
        assertEquals(0, server.info().bytesReceived());
    }

    @Test
    void sendallCountsEverySendItMakesAndEveryByte() throws Exception {
        Loopback.Pair pair = net.pair();
        PyBytes data = PyBytes.ascii("x").repeat(100_000);
        Loopback.Background<PyBytes> reader = net.background(() -> {
            pair.server().settimeout(5.0);
            return Loopback.recvAll(pair.server(), 65536);
        });
        pair.client().sendall(data);
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertEquals(100_000, reader.get().length());
        assertEquals(100_000, pair.client().info().bytesSent());
        assertTrue(pair.client().info().sendCalls() >= 1);
    }

    @Test
    void modeReadsAsBlockingNonblockingOrTheTimeout() throws Exception {
        Sock s = net.tcp();
        assertEquals("blocking", s.info().mode());
        s.setblocking(false);
        assertEquals("nonblocking", s.info().mode());
        assertEquals(0.0, s.info().timeout());
        s.settimeout(2.5);
        assertEquals("timeout 2.5", s.info().mode());
        s.settimeout(3.0);
        assertEquals("timeout 3.0", s.info().mode());
        s.setblocking(true);
        assertEquals("blocking", s.info().mode());
    }

    @Test
    void datagramSocketGoesFromFreshToBoundToConnectedToHalfClosedToClosed() throws Exception {
        Sock peer = net.boundUdp();
        Sock u = net.udp();
        assertEquals(SocketState.FRESH, u.info().state());
        u.bind(HOST, 0);
        assertEquals(SocketState.BOUND, u.info().state());
        u.connect(HOST, port(peer));
        assertEquals(SocketState.CONNECTED, u.info().state());
        assertEquals(peer.getsockname(), u.info().peer());
        u.shutdown(ShutdownHow.SHUT_WR);
        assertEquals(SocketState.HALF_CLOSED, u.info().state());
        u.close();
        assertEquals(SocketState.CLOSED, u.info().state());
    }

    @Test
    void stateLabelsAreLowerCaseWithHyphens() {
        assertEquals("half-closed", SocketState.HALF_CLOSED.label());
        assertEquals("listening", SocketState.LISTENING.label());
    }

    @Test
    void traceShowsOneLinePerCallWithTheResultOrTheErrno() throws Exception {
        Loopback traced = new Loopback(true);
        try {
            Sock s = traced.tcp();
            s.label("s");
            s.bind(HOST, 0);
            int port = port(s);
            s.listen(5);
            Sock c = traced.tcp();
            c.label("c");
            s.setblocking(false);
            assertRaises("BlockingIOError: [Errno 11] Resource temporarily unavailable", s::accept);
            assertRaises("BrokenPipeError: [Errno 32] Broken pipe", () -> c.send(PyBytes.ascii("x")));
            if (Backends.posix()) {
                int sFd = s.fileno();
                int cFd = c.fileno();
                c.close();
                assertEquals(List.of(
                        "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = " + sFd,
                        "bind(" + sFd + ", {AF_INET, 127.0.0.1:0}, 16) = 0",
                        "getsockname(" + sFd + ", {AF_INET, 127.0.0.1:" + port + "}, [16]) = 0",
                        "listen(" + sFd + ", 5) = 0",
                        "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = " + cFd,
                        "ioctl(" + sFd + ", FIONBIO, [1]) = 0",
                        "accept4(" + sFd + ", ..., [128], SOCK_CLOEXEC) = -1 EAGAIN (Resource temporarily unavailable)",
                        "send(" + cFd + ", \"x\", 1, MSG_DONTWAIT|MSG_NOSIGNAL) = -1 EPIPE (Broken pipe)",
                        "close(" + cFd + ") = 0"), traced.trace);
                return;
            }
            c.close();
            assertEquals(List.of(
                    "socket(AF_INET, SOCK_STREAM) = s",
                    "bind(s, 127.0.0.1:0) = 0",
                    "listen(s, 5) = 0",
                    "socket(AF_INET, SOCK_STREAM) = c",
                    "setblocking(s, 0) = 0",
                    "accept(s) = -1 EAGAIN (Resource temporarily unavailable)",
                    "send(c, 1) = -1 EPIPE (Broken pipe)",
                    "close(c) = 0"), traced.trace);
            assertNotEquals(0, port);
        } finally {
            traced.close();
        }
    }
}
