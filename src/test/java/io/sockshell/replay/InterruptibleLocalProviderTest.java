package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.py.KeyboardInterrupt;
import io.sockshell.py.PySocket;
import io.sockshell.py.Python;
import io.sockshell.py.runtime.Program;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C in {@code sockshell jshell} ends a socket wait with KeyboardInterrupt, and the program goes on. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InterruptibleLocalProviderTest {
    @Test
    void stoppingTheEngineEndsTheWaitOfTheProgram() throws Exception {
        ExecutionControl control = new InterruptibleLocalProvider().generate(new NoEnvironment(), Map.of());
        Program program = Program.builder().build();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            Program.bind(program);
            PySocket server = Python.socket();
            server.bind(Python.addr("127.0.0.1", 0));
            server.listen(1);
            try {
                server.accept();
                ended.complete(null);
            } catch (KeyboardInterrupt e) {
                ended.complete(e);
            } finally {
                server.close();
            }
        });
        waiter.start();
        Program.bind(program);
        try {
            while (!ended.isDone()) {
                control.stop();
                awaitBriefly(ended);
            }
        } finally {
            Program.unbind();
            control.close();
        }
        Throwable result = ended.get();
        assertTrue(result instanceof KeyboardInterrupt, String.valueOf(result));
        assertEquals("KeyboardInterrupt", result.getMessage());
        waiter.join(5000);
        assertFalse(program.stopped(), "the program goes on after Ctrl-C");
    }

    /**
     * Gives the waiter a moment to end. Ctrl-C that comes while the program is between calls
     * (still binding, say) reaches no wait, as in Python just before a blocking call; so the
     * test presses it again until the wait ends.
     */
    private static void awaitBriefly(CompletableFuture<Throwable> ended) throws Exception {
        try {
            ended.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            // Pressed too early; the loop presses again.
        }
    }

    /** An execution environment with no streams and no extra options. */
    private static final class NoEnvironment implements ExecutionEnv {
        @Override
        public InputStream userIn() {
            return InputStream.nullInputStream();
        }

        @Override
        public PrintStream userOut() {
            return new PrintStream(OutputStream.nullOutputStream());
        }

        @Override
        public PrintStream userErr() {
            return userOut();
        }

        @Override
        public List<String> extraRemoteVMOptions() {
            return List.of();
        }

        @Override
        public void closeDown() {
        }
    }
}
