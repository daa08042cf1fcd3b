package io.sockshell.engine;

import static io.sockshell.engine.Loopback.HOST;
import static io.sockshell.engine.Loopback.assertRaises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A name keeps its socket, not a number: a closed socket never reaches a descriptor the kernel
 * has since given to another, a close wakes a wait on the socket, and no call makes a buffer as
 * large as a number the user typed.
 */
@Timeout(10)
class DescriptorSafetyTest {
    private static final String BAD_FD = "OSError: [Errno 9] Bad file descriptor";

    private final Loopback net = new Loopback();

    @AfterEach
    void closeEverything() throws Exception {
        net.close();
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void aSocketOpenedAfterACloseMayTakeItsNumberButTheOldNameNeverReachesIt() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock old = pair.client();
        int number = old.fileno();
        old.close();
        assertEquals(-1, old.fileno());
        Sock reused = net.udp();
        assertEquals(number, reused.fileno(), "the kernel gives out the lowest free number");
        reused.bind(HOST, 0);
        assertRaises(BAD_FD, () -> old.send(PyBytes.ascii("x")));
        assertRaises(BAD_FD, () -> old.bind(HOST, 0));
        assertRaises(BAD_FD, () -> old.setblocking(false));
        old.close();
        assertEquals(SocketState.BOUND, reused.info().state(), "untouched by the old name");
        assertEquals(null, reused.gettimeout());
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void aCloseWakesACallWaitingOnTheSocketAndTheNumberIsFreedOnlyWhenThatCallIsOver() throws Exception {
        Loopback.Pair pair = net.pair();
        Sock server = pair.server();
        int number = server.fileno();
        Loopback.Background<PyBytes> waiting = net.background(() -> server.recv(10));
        waiting.awaitBlocked();
        server.close();
        assertRaises(BAD_FD, waiting::get);
        Sock next = net.tcp();
        assertEquals(number, next.fileno(), "the number went back to the kernel once the recv was over");
        pair.client().send(PyBytes.ascii("x"));
        next.settimeout(0.0);
        assertRaises("OSError: [Errno 107] Transport endpoint is not connected", () -> next.recv(10));
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void aCloseWakesASelectWaitingOnTheSocket() throws Exception {
        Sock listener = net.listener();
        Loopback.Background<Readiness<Sock>> waiting = net.background(
                () -> net.backend.select(List.of(listener), List.of(), List.of(), null));
        waiting.awaitBlocked();
        listener.close();
        assertRaises(BAD_FD, waiting::get);
    }

    @Test
    void aRecvOfTwoGigabytesReadsWhatIsThereWithoutABufferThatLarge() throws Exception {
        Loopback.Pair pair = net.pair();
        pair.client().sendall(PyBytes.ascii("abc"));
        long heapBefore = Runtime.getRuntime().totalMemory();
        assertEquals(PyBytes.ascii("abc"), pair.server().recv(Integer.MAX_VALUE));
        assertTrue(Runtime.getRuntime().totalMemory() - heapBefore < 1L << 30, "a gigabyte was allocated");
    }

    @Test
    void anErrnoTheEngineHasNoConstantForIsNamedAndClassedAsCPythonDoes() {
        Errno unknown = Errno.of(112, "EHOSTDOWN", "Host is down");
        assertEquals("OSError: [Errno 112] Host is down", SockError.of(unknown).pythonLine());
        assertEquals("EHOSTDOWN", unknown.name());
        assertEquals(Errno.of(112, "other", "other"), unknown, "one value per number");
        assertEquals("BrokenPipeError: [Errno 108] Cannot send after transport endpoint shutdown",
                SockError.of(Errno.ESHUTDOWN).pythonLine());
        assertEquals("PermissionError: [Errno 1] Operation not permitted", SockError.of(Errno.EPERM).pythonLine());
        assertNotEquals(Errno.EPERM, Errno.EACCES);
    }
}
