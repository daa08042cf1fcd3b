package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static io.sockshell.engine.PollEvent.POLLHUP;
import static io.sockshell.engine.PollEvent.POLLIN;
import static io.sockshell.engine.PollEvent.POLLOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Timeout;

/** Section 7 of the tutorial: select and poll instead of busy polling. */
@Timeout(10)
class SelectPollTest {
    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    private Readiness<Sock> select(List<Sock> read, List<Sock> write, Double timeout) throws SockError {
        return net.backend.select(read, write, List.of(), timeout);
    }

    /**
     * A select of another socket in progress holds no closed socket open, though the selector
     * it waits on once watched that socket (the nio backend keeps its selectors between calls,
     * for every session): the close is whole when it returns, so unread data makes it a reset.
     */
    @Test
    void aSelectInProgressKeepsNoOtherSocketFromClosing() throws Exception {
        Loopback.Pair closing = net.pair();
        assertEquals(List.of(closing.client()), select(List.of(), List.of(closing.client()), 0.0).writable());
        Loopback.Pair waiting = net.pair();
        java.util.concurrent.FutureTask<Readiness<Sock>> select = new java.util.concurrent.FutureTask<>(
                () -> select(List.of(waiting.client()), List.of(), 5.0));
        Thread selecting = new Thread(select, "selecting");
        selecting.start();
        io.sockshell.support.Waits.untilBlocked(selecting, select, java.time.Duration.ofSeconds(5));
        closing.server().sendall(PyBytes.ascii("left unread"));
        closing.client().close();
        assertRaises("ConnectionResetError: [Errno 104] Connection reset by peer", () -> closing.server().recv(100));
        waiting.server().sendall(PyBytes.ascii("x"));
        assertEquals(List.of(waiting.client()), select.get(5, java.util.concurrent.TimeUnit.SECONDS).readable());
    }

    @Test
    void aFreshUnconnectedTcpSocketIsReadableAndWritable() throws Exception {
        Sock s = net.tcp();
        Readiness<Sock> ready = select(List.of(s), List.of(s), 0.0);
        assertEquals(List.of(s), ready.readable());
        assertEquals(List.of(s), ready.writable());
        assertEquals(List.of(), ready.exceptional());
    }

    @Test
    void aListeningSocketIsReadableOnlyWhileAClientWaitsToBeAccepted() throws Exception {
        Sock listener = net.listener();
        assertEquals(new Readiness<>(List.of(), List.of(), List.of()), select(List.of(listener), List.of(listener), 0.0));
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        assertEquals(List.of(listener), select(List.of(listener), List.of(listener), 5.0).readable());
        net.adopt(listener.accept().socket());
        assertEquals(List.of(), select(List.of(listener), List.of(), 0.0).readable());
    }

    @Test
    void aConnectedSocketIsWritableAndBecomesReadableWhenDataArrives() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock server = pair.server();
        Readiness<Sock> idle = select(List.of(server), List.of(server), 0.0);
        assertEquals(List.of(), idle.readable());
        assertEquals(List.of(server), idle.writable());
        pair.client().send(PyBytes.ascii("x"));
        assertEquals(List.of(server), select(List.of(server), List.of(), 5.0).readable());
        server.recv(1);
        assertEquals(List.of(), select(List.of(server), List.of(), 0.0).readable());
    }

    @Test
    void theEndOfTheStreamMakesASocketReadable() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().shutdown(ShutdownHow.SHUT_WR);
        assertEquals(List.of(pair.server()), select(List.of(pair.server()), List.of(), 5.0).readable());
        assertEquals(PyBytes.EMPTY, pair.server().recv(10));
    }

    @Test
    void selectReportsTheReadySocketsInTheOrderGivenAndRepeatsDuplicates() throws Exception {
        Loopback.Pair first = net.pair();
        Loopback.Pair second = net.pair();
        first.client().send(PyBytes.ascii("1"));
        second.client().send(PyBytes.ascii("2"));
        net.awaitReadable(first.server());
        net.awaitReadable(second.server());
        Sock a = first.server();
        Sock b = second.server();
        Sock idle = first.client();
        assertEquals(List.of(b, a, b), select(List.of(b, idle, a, b), List.of(), 0.0).readable());
    }

    @Test
    void selectWithNothingReadyReturnsEmptyListsAfterTheTimeout() throws Exception {
        Loopback.Pair pair = net.pair();
        assertEquals(new Readiness<>(List.of(), List.of(), List.of()), select(List.of(pair.server()), List.of(), 0.05));
        assertEquals(new Readiness<>(List.of(), List.of(), List.of()), select(List.of(), List.of(), 0.0));
    }

    @Test
    void selectWithoutATimeoutWaitsUntilASocketIsReady() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<Readiness<Sock>> wait = net.background(() -> select(List.of(pair.server()), List.of(), null));
        wait.awaitBlocked();
        pair.client().send(PyBytes.ascii("wake"));
        assertEquals(List.of(pair.server()), wait.get().readable());
    }

    @Test
    void selectWithANegativeTimeoutRaisesValueError() throws Exception {
        Sock s = net.tcp();
        assertRaises("ValueError: timeout must be non-negative", () -> select(List.of(s), List.of(), -1.0));
    }

    @Test
    void selectOnAClosedSocketRaisesValueError() throws Exception {
        Sock s = net.tcp();
        s.close();
        assertRaises("ValueError: file descriptor cannot be a negative integer (-1)", () -> select(List.of(s), List.of(), 0.0));
        assertRaises("ValueError: file descriptor cannot be a negative integer (-1)", () -> select(List.of(), List.of(s), 0.0));
        assertRaises("ValueError: file descriptor cannot be a negative integer (-1)",
                () -> net.backend.select(List.of(), List.of(), List.of(s), 0.0));
    }

    @Test
    void aDatagramSocketIsWritableAndReadableOnceAMessageWaits() throws Exception {
        Sock u = net.boundUdp();
        Readiness<Sock> idle = select(List.of(u), List.of(u), 0.0);
        assertEquals(List.of(), idle.readable());
        assertEquals(List.of(u), idle.writable());
        u.sendto(PyBytes.ascii("self"), HOST, port(u));
        assertEquals(List.of(u), select(List.of(u), List.of(), 5.0).readable());
    }

    @Test
    void aNonblockingConnectBecomesWritableWhenItCompletes() throws Exception {
        Sock listener = net.listener();
        Sock client = net.tcp();
        client.setblocking(false);
        client.connectEx(HOST, port(listener));
        assertEquals(List.of(client), select(List.of(), List.of(client), 5.0).writable());
        assertEquals(SocketState.CONNECTED, client.info().state());
    }

    /** The tutorial's strsvr.py without the busy loop: one select serves two clients in turn. */
    @Test
    void oneSelectLoopServesTwoClientsWhoeverSpeaksFirst() throws Exception {
        Loopback.Pair one = net.pair();
        Loopback.Pair two = net.pair();
        List<Sock> servers = List.of(one.server(), two.server());
        two.client().send(PyBytes.ascii("b\n"));
        List<Sock> ready = select(servers, List.of(), 5.0).readable();
        assertEquals(List.of(two.server()), ready);
        assertEquals(PyBytes.ascii("b\n"), ready.get(0).recv(100));
        one.client().send(PyBytes.ascii("a\n"));
        ready = select(servers, List.of(), 5.0).readable();
        assertEquals(List.of(one.server()), ready);
        assertEquals(PyBytes.ascii("a\n"), ready.get(0).recv(100));
    }

    @Test
    void selectIsCancelledByTheWaitingThreadsSignal() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<Readiness<Sock>> wait = net.background(() -> select(List.of(pair.server()), List.of(), null));
        wait.awaitBlocked();
        wait.signal().cancel();
        assertRaises("KeyboardInterrupt", wait::get);
    }

    // poll

    private List<PollEvent> poll(Map<Sock, Integer> interest, Integer timeout) throws SockError {
        return net.backend.poll(interest, timeout);
    }

    @Test
    void pollReportsAFreshTcpSocketHungUpAndWritableButNotReadable() throws Exception {
        Sock s = net.tcp();
        assertEquals(List.of(new PollEvent(s, POLLOUT | POLLHUP)), poll(Map.of(s, POLLIN | POLLOUT), 0));
        assertEquals(List.of(new PollEvent(s, POLLHUP)), poll(Map.of(s, POLLIN), 0));
    }

    @Test
    void pollReportsAListenerWithAWaitingClientAsReadable() throws Exception {
        Sock listener = net.listener();
        assertEquals(List.of(), poll(Map.of(listener, POLLIN | POLLOUT), 0));
        net.tcp().connect(HOST, port(listener));
        assertEquals(List.of(new PollEvent(listener, POLLIN)), poll(Map.of(listener, POLLIN | POLLOUT), 1000));
    }

    @Test
    void pollReportsAConnectedSocketWritableAndReadableOnceDataArrives() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock server = pair.server();
        assertEquals(List.of(new PollEvent(server, POLLOUT)), poll(Map.of(server, POLLIN | POLLOUT), 0));
        assertEquals(List.of(), poll(Map.of(server, POLLIN), 0));
        pair.client().send(PyBytes.ascii("x"));
        assertEquals(List.of(new PollEvent(server, POLLIN | POLLOUT)), poll(Map.of(server, POLLIN | POLLOUT), 1000));
    }

    @Test
    void pollReportsEverySocketThatIsReadyInRegistrationOrder() throws Exception {
        Loopback.Pair pair = net.pair();
        Map<Sock, Integer> interest = new LinkedHashMap<>();
        interest.put(pair.server(), POLLOUT);
        interest.put(pair.listener(), POLLIN);
        interest.put(pair.client(), POLLOUT);
        assertEquals(List.of(new PollEvent(pair.server(), POLLOUT), new PollEvent(pair.client(), POLLOUT)),
                poll(interest, 0));
    }

    /**
     * A socket registered while open and closed since: the kernel's poll says POLLNVAL for its
     * number, at once. (Registering a closed one is refused before the engine: PyPoll, PollCommand.)
     */
    @Test
    void pollOfASocketClosedSinceItWasRegisteredSaysPollnval() throws Exception {
        Sock s = net.tcp();
        s.close();
        assertEquals(List.of(new PollEvent(s, PollEvent.POLLNVAL)), poll(Map.of(s, POLLIN), null));
    }

    @Test
    void pollWithNothingReadyReturnsNothingAfterTheTimeout() throws Exception {
        Loopback.Pair pair = net.pair();
        assertEquals(List.of(), poll(Map.of(pair.server(), POLLIN), 50));
    }

    @Test
    void pollWithANegativeTimeoutWaitsUntilASocketIsReady() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<List<PollEvent>> wait = net.background(() -> poll(Map.of(pair.server(), POLLIN), -1));
        wait.awaitBlocked();
        pair.client().send(PyBytes.ascii("wake"));
        assertEquals(List.of(new PollEvent(pair.server(), POLLIN)), wait.get());
    }

    @Test
    @EnabledIf(value = "io.sockshell.support.Backends#posix", disabledReason = "NIO folds POLLHUP and POLLERR into the interest ops it reports, so a reset connection"
            + " polls as POLLIN|POLLOUT; Linux adds POLLHUP (and POLLERR until SO_ERROR is read)")
    void pollReportsAResetConnectionAsHungUp() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.server().setLinger(true, 0);
        pair.server().close();
        net.awaitReadable(pair.client());
        assertEquals(List.of(new PollEvent(pair.client(), POLLIN | POLLOUT | PollEvent.POLLERR | POLLHUP)),
                poll(Map.of(pair.client(), POLLIN | POLLOUT), 0));
    }

    @Test
    void aSelectSeesOnlyTheSocketsItIsAskedAboutThisTimeEvenAfterEarlierCallsWatchedOthers() throws Exception {
        Loopback.Pair first = net.pair();
        Loopback.Pair second = net.pair();
        List<Sock> both = List.of(first.server(), second.server());
        first.client().send(PyBytes.ascii("1"));
        assertEquals(List.of(first.server()), select(both, List.of(), 5.0).readable());
        first.server().recv(1);
        second.client().send(PyBytes.ascii("2"));
        net.awaitReadable(second.server());
        assertEquals(List.of(), select(List.of(first.server()), List.of(), 0.0).readable());
        assertEquals(List.of(second.server()), select(both, List.of(), 0.0).readable());
        assertEquals(List.of(second.server()), select(both, List.of(), 0.0).readable(), "still unread");
    }

    @Test
    void aListenerThatSelectWatchedFreesItsPortAsSoonAsItCloses() throws Exception {
        Sock listener = net.listener();
        int port = port(listener);
        assertEquals(List.of(), select(List.of(listener), List.of(), 0.0).readable());
        listener.close();
        Sock again = net.tcp();
        again.bind(HOST, port);
        again.listen(1);
        assertEquals(port, port(again));
    }

    @Test
    void pollEventNamesReadAsPythonsSymbols() {
        assertEquals("POLLIN|POLLOUT", PollEvent.names(POLLIN | POLLOUT));
        assertEquals("POLLOUT|POLLHUP", PollEvent.names(POLLOUT | POLLHUP));
        assertEquals("POLLIN|POLLOUT|POLLERR|POLLHUP|POLLNVAL", PollEvent.names(0x3d));
        assertEquals("0", PollEvent.names(0));
    }
}
