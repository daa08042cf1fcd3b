package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static io.sockshell.engine.Loopback.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C for a blocking call: another thread cancels the wait and the socket lives on. */
@Timeout(10)
class CancelSignalTest {
    private static final String INTERRUPTED = "KeyboardInterrupt";

    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    void cancellingABlockingAcceptRaisesKeyboardInterruptAndTheListenerStillAccepts() throws Exception {
        Sock listener = net.listener();
        Loopback.Background<Accepted> accept = net.background(listener::accept);
        accept.awaitBlocked();
        accept.signal().cancel();
        SockError error = assertRaises(INTERRUPTED, accept::get);
        assertEquals("KeyboardInterrupt", error.pythonClass());
        assertEquals(SocketState.LISTENING, listener.info().state());
        Loopback.Background<Accepted> again = net.background(listener::accept);
        again.awaitBlocked();
        Sock client = net.tcp();
        client.connect(HOST, port(listener));
        Accepted accepted = again.get();
        net.adopt(accepted.socket());
        assertEquals(client.getsockname(), accepted.peer());
    }

    @Test
    void cancellingABlockingRecvRaisesKeyboardInterruptAndTheSocketStillReceivesEveryByte() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<PyBytes> recv = net.background(() -> pair.server().recv(100));
        recv.awaitBlocked();
        recv.signal().cancel();
        assertRaises(INTERRUPTED, recv::get);
        assertEquals(SocketState.CONNECTED, pair.server().info().state());
        pair.client().sendall(PyBytes.ascii("after the interrupt"));
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("after the interrupt"), pair.server().recv(100));
        assertEquals(1, pair.server().send(PyBytes.ascii("!")), "and still sends");
    }

    @Test
    void cancellingABlockingDatagramRecvfromLeavesTheSocketReceiving() throws Exception {
        Sock receiver = net.boundUdp();
        Loopback.Background<Datagram> recv = net.background(() -> receiver.recvfrom(100));
        recv.awaitBlocked();
        recv.signal().cancel();
        assertRaises(INTERRUPTED, recv::get);
        Sock sender = net.boundUdp();
        sender.sendto(PyBytes.ascii("later"), HOST, port(receiver));
        receiver.settimeout(5.0);
        assertEquals(PyBytes.ascii("later"), receiver.recvfrom(100).data());
    }

    /** A connected pair with small buffers on the way from client to server, which fill quickly. */
    private Loopback.Pair smallBufferPair() throws Exception {
        Sock listener = net.tcp();
        listener.setsockopt(SockOption.SO_RCVBUF, 4096);
        listener.bind(HOST, 0);
        listener.listen(1);
        Sock client = net.tcp();
        client.setsockopt(SockOption.SO_SNDBUF, 4096);
        client.connect(HOST, port(listener));
        return new Loopback.Pair(client, net.adopt(listener.accept().socket()), listener);
    }

    @Test
    void cancellingABlockingSendallKeepsWhatWasSentAndTheSocketSendsAgain() throws Exception {
        Loopback.Pair pair = smallBufferPair();
        Sock client = pair.client();
        Sock server = pair.server();
        Loopback.Background<Void> send = net.background(() -> {
            client.sendall(PyBytes.ascii("s").repeat(8 << 20));
            return null;
        });
        send.awaitBlocked();
        send.signal().cancel();
        SockError cancelled = assertThrows(SockError.class, send::get);
        long sent = client.info().bytesSent();
        // The posix backend's blocking send, like Linux's, keeps what it had sent when cut short.
        assertEquals(Backends.posix() ? "KeyboardInterrupt (" + sent + " bytes were sent)" : INTERRUPTED,
                cancelled.pythonLine());
        assertTrue(sent > 0 && sent < 8 << 20);
        Loopback.Background<PyBytes> reader = net.background(() -> {
            server.settimeout(5.0);
            return Loopback.recvAll(server, 1 << 16);
        });
        client.sendall(PyBytes.ascii("end"));
        client.shutdown(ShutdownHow.SHUT_WR);
        PyBytes all = reader.get();
        assertEquals(sent + 3, all.length());
        assertEquals(PyBytes.ascii("end"), all.slice(all.length() - 3, all.length()));
    }

    @Test
    void cancellingABlockingSendAfterSomeBytesRaisesKeyboardInterruptWithTheirCount() throws Exception {
        Sock client = smallBufferPair().client();
        Loopback.Background<Integer> send = net.background(() -> client.send(PyBytes.ascii("s").repeat(8 << 20)));
        send.awaitBlocked();
        send.signal().cancel();
        SockError error = assertThrows(SockError.class, send::get);
        long sent = client.info().bytesSent();
        assertTrue(sent > 0 && sent < 8 << 20, "sent " + sent);
        assertEquals(OptionalLong.of(sent), error.sentBeforeInterrupt());
        assertEquals("KeyboardInterrupt (" + sent + " bytes were sent)", error.pythonLine());
        assertEquals("KeyboardInterrupt", error.pythonClass());
    }

    @Test
    void aCancelBeforeACallMakesItsWaitRaiseAtOnceUntilReset() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<String> calls = net.background(() -> {
            CancelSignal signal = CancelSignal.current();
            signal.cancel();
            assertTrue(signal.isCancelled());
            String first = lineOf(() -> pair.server().recv(10));
            signal.reset();
            pair.server().settimeout(0.05);
            return first + " / " + lineOf(() -> pair.server().recv(10));
        });
        assertEquals("KeyboardInterrupt / TimeoutError: timed out", calls.get());
    }

    @Test
    void aCancelledSignalDoesNotStopCallsThatNeedNoWait() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().send(PyBytes.ascii("here"));
        net.awaitReadable(pair.server());
        Loopback.Background<String> calls = net.background(() -> {
            CancelSignal.current().cancel();
            PyBytes data = pair.server().recv(10);
            pair.server().setblocking(false);
            return data + " / " + lineOf(() -> pair.server().recv(10));
        });
        assertEquals("b'here' / BlockingIOError: [Errno 11] Resource temporarily unavailable", calls.get());
    }

    @Test
    void installingASignalKeepsACancelThatArrivedBeforeTheThreadStarted() throws Exception {
        Loopback.Background<Boolean> installed = net.background(() -> {
            CancelSignal signal = new CancelSignal();
            signal.cancel();
            CancelSignal.install(signal);
            return CancelSignal.current() == signal && signal.isCancelled();
        });
        assertTrue(installed.get());
    }

    @Test
    void eachThreadHasItsOwnSignal() throws Exception {
        Loopback.Background<CancelSignal> first = net.background(CancelSignal::current);
        Loopback.Background<CancelSignal> second = net.background(CancelSignal::current);
        assertSame(first.signal(), first.get());
        assertNotSame(first.get(), second.get());
        first.signal().cancel();
        assertFalse(second.signal().isCancelled());
    }

    @Test
    void anInterruptedThreadsBlockingCallEndsWithKeyboardInterruptAndLeavesTheSocketOpen() throws Exception {
        Loopback.Pair pair = net.pair();
        Loopback.Background<String> recv = net.background(() -> {
            Thread.currentThread().interrupt();
            try {
                return lineOf(() -> pair.server().recv(10));
            } finally {
                Thread.interrupted();
            }
        });
        assertEquals(INTERRUPTED, recv.get());
        assertFalse(pair.server().isClosed());
        pair.client().send(PyBytes.ascii("ok"));
        pair.server().settimeout(5.0);
        assertEquals(PyBytes.ascii("ok"), pair.server().recv(10));
    }

    private static String lineOf(Loopback.SockCall call) throws Exception {
        try {
            call.run();
            return "no error";
        } catch (SockError e) {
            return e.pythonLine();
        }
    }
}
