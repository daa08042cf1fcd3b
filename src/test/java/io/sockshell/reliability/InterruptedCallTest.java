package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import io.sockshell.engine.SocketBackends;
import io.sockshell.engine.TraceListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread interrupted while the engine blocks for it (a JShell stop, an executor shutting
 * down, a test's timeout) gets KeyboardInterrupt at once, as a cancelled call does, and the
 * socket stays usable; the call must not spin or wait on.
 */
@Timeout(30)
class InterruptedCallTest {
    private final SocketBackend backend = SocketBackends.create(TraceListener.NONE);

    @Test
    void anInterruptedRecvRaisesKeyboardInterrupt() throws Exception {
        try (Sock listener = backend.open(Family.AF_INET, Kind.SOCK_STREAM);
                Sock client = backend.open(Family.AF_INET, Kind.SOCK_STREAM)) {
            listener.bind("127.0.0.1", 0);
            listener.listen(1);
            client.connect("127.0.0.1", listener.getsockname().port());
            try (Sock server = listener.accept().socket()) {
                assertEquals("KeyboardInterrupt", interrupted(() -> server.recv(100)));
                client.sendall(PyBytes.ascii("after"));
                server.settimeout(10.0);
                assertEquals(PyBytes.ascii("after"), server.recv(100));
            }
        }
    }

    @Test
    void anInterruptedSelectRaisesKeyboardInterrupt() throws Exception {
        try (Sock listener = backend.open(Family.AF_INET, Kind.SOCK_STREAM)) {
            listener.bind("127.0.0.1", 0);
            listener.listen(1);
            assertEquals("KeyboardInterrupt", interrupted(() -> backend.select(List.of(listener), List.of(), List.of(), null)));
            assertEquals("KeyboardInterrupt", interrupted(() -> listener.accept()));
        }
    }

    /** A blocking engine call. */
    private interface Call {
        Object run() throws SockError;
    }

    /** Runs {@code call} on a thread, interrupts it once it waits, and returns the error's line. */
    private static String interrupted(Call call) throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set("returned " + call.run());
            } catch (SockError e) {
                result.set(e.pythonLine());
            }
        }, "blocked engine call");
        thread.setDaemon(true);
        thread.start();
        BlockedCall.awaitWaitingInEngine(thread);
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(thread.isAlive(), "the interrupted call is still running");
        return result.get();
    }
}
