package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The w/ps server (svr.jsh) against hostile clients: it runs nothing but w or ps, reads at most
 * two bytes of a request, drops a client that sends nothing, and goes on serving the next one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerSafetyTest {
    private static final long WAIT_SECONDS = 20;
    /** The idle bound the server is started with, so a silent client is dropped quickly. */
    private static final String IDLE_SECONDS = "1";

    @TempDir
    Path folder;

    private BackgroundReplay server;
    private int port;

    @BeforeEach
    void startServer() throws Exception {
        server = BackgroundReplay.start("svr.jsh", List.of("0", "127.0.0.1", IDLE_SECONDS), List.of());
        port = server.listeningPort(WAIT_SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        server.awaitStatus(WAIT_SECONDS);
    }

    @Test
    void aShellCommandAfterWIsRefusedAndRunsNothing() throws Exception {
        Path marker = folder.resolve("marker");
        assertEquals("", ask("w; touch " + marker));
        assertEquals("", ask("w;touch " + marker));
        assertFalse(Files.exists(marker), "a client's request ran a command");
        assertTrue(server.output().contains("refusing to run 'w;': only w and ps may run here"), server.output());
        assertServesW();
    }

    @Test
    void commandSubstitutionIsRefusedAndRunsNothing() throws Exception {
        Path marker = folder.resolve("marker");
        assertEquals("", ask("$(id)"));
        assertEquals("", ask("$(touch " + marker + ")"));
        assertEquals("", ask("`touch " + marker + "`"));
        assertFalse(Files.exists(marker), "a client's request ran a command");
        assertFalse(server.output().contains("uid="), server.output());
        assertTrue(server.output().contains("refusing to run '$(': only w and ps may run here"), server.output());
        assertServesW();
    }

    @Test
    void tenMegabytesOfJunkAreNotReadAndTheServerGoesOn() throws Exception {
        byte[] junk = new byte[10 << 20];
        java.util.Arrays.fill(junk, (byte) 'x');
        try (Socket client = connect()) {
            // The server reads two bytes and closes, so this send may end in a reset; that is fine.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(junk);
                } catch (IOException closedByServer) {
                    // Expected once the server has closed the connection with data unread.
                }
            });
            assertEquals("", readAll(client));
            sending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        assertTrue(server.output().contains("refusing to run 'xx': only w and ps may run here"), server.output());
        assertServesW();
    }

    @Test
    void aClientThatSendsNothingIsDroppedAndTheNextIsServed() throws Exception {
        try (Socket silent = connect()) {
            assertEquals("", readAll(silent));
        }
        assertTrue(server.output().contains("client sent nothing for 1.0 seconds: dropped"), server.output());
        assertServesW();
    }

    @Test
    void aClientThatClosesAtOnceIsServedNothing() throws Exception {
        try (Socket client = connect()) {
            client.shutdownOutput();
            assertEquals("", readAll(client));
        }
        assertTrue(server.output().contains("refusing to run '': only w and ps may run here"), server.output());
        assertServesW();
    }

    private void assertServesW() throws IOException {
        String answer = ask("w");
        assertTrue(answer.contains("load average"), answer);
    }

    /** Sends a request, closes the sending side, and reads the whole answer. */
    private String ask(String request) throws IOException {
        try (Socket client = connect()) {
            OutputStream out = client.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            client.shutdownOutput();
            return readAll(client);
        }
    }

    private Socket connect() throws IOException {
        Socket client = new Socket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        return client;
    }

    /** Everything until the server closes; a reset after the server closed with junk unread ends it too. */
    private static String readAll(Socket client) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (!String.valueOf(reset.getMessage()).contains("reset")) {
                throw reset;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
