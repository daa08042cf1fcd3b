package io.sockshell.engine;

import static io.sockshell.engine.Loopback.WAIT_SECONDS;
import static io.sockshell.engine.Loopback.assertRaises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * AF_UNIX sockets on the backend the suite runs on, every printed value and error as python3
 * 3.11 printed it for the same calls: a path's lifetime (bind makes the file, close leaves it),
 * unnamed clients, the errors a path can give, and abstract names where the backend can take
 * them. Paths live in a fresh {@link TempDir}, so no run meets another's file.
 */
@Timeout(10)
class UnixSocketTest {
    private static final String IN_USE = "OSError: [Errno 98] Address already in use";
    private static final String REFUSED = "ConnectionRefusedError: [Errno 111] Connection refused";
    private static final String NO_FILE = "FileNotFoundError: [Errno 2] No such file or directory";
    private static final String TOO_LONG = "OSError: AF_UNIX path too long";
    private static final String WOULD_BLOCK = "BlockingIOError: [Errno 11] Resource temporarily unavailable";

    private final Loopback net = new Loopback();

    @TempDir
    Path folder;

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    private Sock unix() throws SockError {
        return net.open(Family.AF_UNIX, Kind.SOCK_STREAM);
    }

    private Sock listening(String path) throws SockError {
        Sock listener = unix();
        listener.bind(path, 0);
        listener.listen(1);
        return listener;
    }

    private String path(String name) {
        return folder.resolve(name).toString();
    }

    @Test
    void anEchoPairOverAPathShowsThePathAndTheUnnamedClientAsCPythonDoes() throws Exception {
        String path = path("echo.sock");
        Sock listener = unix();
        assertEquals("''", listener.getsockname().pythonRepr(), "a fresh AF_UNIX socket has no name");
        listener.bind(path, 0);
        assertTrue(Files.exists(Path.of(path)), "bind made the socket file");
        assertEquals("'" + path + "'", listener.getsockname().pythonRepr());
        assertEquals(SocketState.BOUND, listener.info().state());
        listener.listen(1);
        assertEquals(SocketState.LISTENING, listener.info().state());
        Sock client = unix();
        client.connect(path, 0);
        Accepted accepted = listener.accept();
        Sock server = net.adopt(accepted.socket());
        assertEquals("''", accepted.peer().pythonRepr(), "accept returns '' for a client that never bound");
        assertEquals("''", client.getsockname().pythonRepr());
        assertEquals("'" + path + "'", client.getpeername().pythonRepr());
        assertEquals("'" + path + "'", server.getsockname().pythonRepr());
        assertEquals("''", server.getpeername().pythonRepr());
        assertEquals(SocketState.CONNECTED, client.info().state());

        client.sendall(PyBytes.ascii("hello\nrest"));
        LineFile lines = net.adopt(server.makefile("rb"));
        assertEquals("b'hello\\n'", lines.readline().toString());
        server.sendall(PyBytes.ascii("echo"));
        net.awaitReadable(client);
        assertEquals(PyBytes.ascii("echo"), client.recv(100));
        client.shutdown(ShutdownHow.SHUT_WR);
        assertEquals("b'rest'", lines.readline().toString());
        assertEquals("b''", lines.readline().toString(), "end of stream after the peer's shutdown");
    }

    @Test
    void closeLeavesTheFileSoAnotherBindIsInUseAndAConnectIsRefusedUntilTheFileIsRemoved() throws Exception {
        String path = path("stale.sock");
        Sock first = listening(path);
        first.close();
        assertTrue(Files.exists(Path.of(path)), "close does not unlink the path");
        Sock second = unix();
        assertRaises(IN_USE, () -> second.bind(path, 0));
        Sock client = unix();
        assertRaises(REFUSED, () -> client.connect(path, 0));
        Files.delete(Path.of(path));
        second.bind(path, 0);
        second.listen(1);
        client.connect(path, 0);
        assertEquals("'" + path + "'", client.getpeername().pythonRepr(), "the refused socket could connect again");
    }

    @Test
    void aBoundSocketKeepsItsPathWhenAConnectIsRefusedOrFindsNoFile() throws Exception {
        String stale = path("stale.sock");
        unix().bind(stale, 0);
        String own = path("own.sock");
        Sock sock = unix();
        sock.bind(own, 0);
        assertRaises(REFUSED, () -> sock.connect(stale, 0));
        assertEquals("'" + own + "'", sock.getsockname().pythonRepr());
        assertRaises(NO_FILE, () -> sock.connect(path("nobody.sock"), 0));
        assertEquals("'" + own + "'", sock.getsockname().pythonRepr());
        Sock listener = unix();
        listener.bind(stale + "2", 0);
        listener.listen(1);
        sock.connect(stale + "2", 0);
        assertEquals("'" + own + "'", net.adopt(listener.accept().socket()).getpeername().pythonRepr(),
                "the server sees the client's path");
    }

    @Test
    void aSocketBoundButNotListeningRefusesConnects() throws Exception {
        String path = path("bound.sock");
        unix().bind(path, 0);
        assertRaises(REFUSED, () -> unix().connect(path, 0));
    }

    @Test
    void aMissingPathOrFolderIsFileNotFound() throws Exception {
        assertRaises(NO_FILE, () -> unix().connect(path("nobody.sock"), 0));
        assertRaises(NO_FILE, () -> unix().bind(path("no-folder") + "/x.sock", 0));
        assertEquals(2, unix().connectEx(path("nobody.sock"), 0), "connect_ex gives the errno");
    }

    @Test
    void aPathIsTooLongFromOneHundredAndEightBytesAndAnAbstractNameFromOneHundredAndNine() throws Exception {
        String longest = "/" + "a".repeat(106);
        assertEquals(107, Address.unixPathBytes(longest).length);
        assertRaises(TOO_LONG, () -> Address.unixPathBytes(longest + "a"));
        assertEquals(108, Address.unixPathBytes("\0" + "a".repeat(107)).length);
        assertRaises(TOO_LONG, () -> Address.unixPathBytes("\0" + "a".repeat(108)));
        // Counted in bytes, as the kernel counts them: each é is two.
        assertRaises(TOO_LONG, () -> Address.unixPathBytes("/" + "é".repeat(54)));
        Sock sock = unix();
        assertRaises(TOO_LONG, () -> sock.bind(longest + "a", 0));
        assertRaises(TOO_LONG, () -> sock.connect(longest + "a", 0));
        assertEquals("''", sock.getsockname().pythonRepr(), "nothing was bound");
    }

    @Test
    void theModesWorkAsForTcp() throws Exception {
        String path = path("modes.sock");
        Sock listener = listening(path);
        listener.setblocking(false);
        assertRaises(WOULD_BLOCK, listener::accept);
        listener.settimeout(0.05);
        assertRaises("TimeoutError: timed out", listener::accept);
        listener.settimeout(null);
        Loopback.Background<Accepted> pending = net.background(listener::accept);
        pending.awaitBlocked();
        Sock client = unix();
        client.connect(path, 0);
        Sock server = net.adopt(pending.get().socket());
        server.setblocking(false);
        assertRaises(WOULD_BLOCK, () -> server.recv(10));
        client.send(PyBytes.ascii("x"));
        Readiness<Sock> ready = net.backend.select(List.of(server), List.of(client), List.of(), (double) WAIT_SECONDS);
        assertEquals(List.of(server), ready.readable());
        assertEquals(List.of(client), ready.writable());
        List<PollEvent> events = net.backend.poll(Map.of(server, PollEvent.POLLIN), (int) WAIT_SECONDS * 1000);
        assertEquals(1, events.size());
        assertEquals(PyBytes.ascii("x"), server.recv(10));
    }

    @Test
    void bindAndConnectOnAClosedSocketCheckThePathFirst() throws Exception {
        Sock sock = unix();
        sock.close();
        assertRaises(TOO_LONG, () -> sock.bind("/" + "a".repeat(107), 0));
        assertRaises("OSError: [Errno 9] Bad file descriptor", () -> sock.bind(path("closed.sock"), 0));
        assertFalse(Files.exists(Path.of(path("closed.sock"))));
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void anAbstractNameMakesNoFileAndComesBackAsBytes() throws Exception {
        String name = "\0sockshell-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Sock listener = listening(name);
        Address bound = listener.getsockname();
        assertTrue(bound.isAbstract());
        assertEquals("b'\\x00" + name.substring(1) + "'", bound.pythonRepr());
        Sock client = unix();
        client.connect(name, 0);
        assertEquals(bound, client.getpeername());
        Sock taken = unix();
        assertRaises(IN_USE, () -> taken.bind(name, 0));
        listener.close();
        taken.bind(name, 0);
        assertEquals(bound, taken.getsockname(), "an abstract name is free again once its socket is closed");
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void datagramsCarryTheirSendersPathOrNoneForAnUnnamedSender() throws Exception {
        String receiverPath = path("dgram-r.sock");
        Sock receiver = net.open(Family.AF_UNIX, Kind.SOCK_DGRAM);
        receiver.bind(receiverPath, 0);
        Sock sender = net.open(Family.AF_UNIX, Kind.SOCK_DGRAM);
        assertEquals(3, sender.sendto(PyBytes.ascii("one"), receiverPath, 0));
        net.awaitReadable(receiver);
        assertEquals("(b'one', None)", receiver.recvfrom(100).pythonRepr());
        sender.bind(path("dgram-s.sock"), 0);
        sender.sendto(PyBytes.ascii("two"), receiverPath, 0);
        net.awaitReadable(receiver);
        assertEquals("(b'two', '" + path("dgram-s.sock") + "')", receiver.recvfrom(100).pythonRepr());
        assertRaises(NO_FILE, () -> sender.sendto(PyBytes.ascii("x"), path("nobody.sock"), 0));
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#nio")
    void nioRefusesAbstractNamesAndDatagramsWithOneLine() throws Exception {
        Sock sock = unix();
        assertRaises("OSError: abstract AF_UNIX names need the posix backend (Java's channels take only paths)",
                () -> sock.bind("\0sockshell-test", 0));
        assertRaises("OSError: abstract AF_UNIX names need the posix backend (Java's channels take only paths)",
                () -> sock.bind("", 0));
        assertRaises("OSError: [Errno 22] Invalid argument", () -> sock.connect("", 0));
        SockError refused = assertThrows(SockError.class, () -> net.open(Family.AF_UNIX, Kind.SOCK_DGRAM));
        assertEquals("OSError: AF_UNIX SOCK_DGRAM needs the posix backend (Java has no datagram channel for it)",
                refused.pythonLine());
        assertNull(refused.getCause());
    }
}
