package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.JavaProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The select server replay (selectecho.jsh) under load: many clients connected at once, each
 * sending its messages one after another and checking every echo, so a lost, altered or
 * reordered byte on any connection fails. {@code -Dsockshell.load.clients=10000} is the longer run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelectEchoLoadTest {
    private static final int MESSAGES = 100;
    /** Connections being set up at once, so the server's listen backlog never overflows. */
    private static final int CONNECTING_AT_ONCE = 200;
    private static final long WAIT_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    @Test
    void aThousandClientsExchangeAHundredMessagesEach() throws Exception {
        load(1_000);
    }

    @Test
    @EnabledIfSystemProperty(named = "sockshell.load.clients", matches = "\\d+")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void longRun() throws Exception {
        int clients = Integer.getInteger("sockshell.load.clients");
        // One process here may hold 20,000 descriptors, fewer than both ends of 10,000
        // connections: the server replay runs in a process of its own, the clients in this one.
        try (JavaProcess server = JavaProcess.sockshell("replay", "--color=never",
                "jshell-scripts/selectecho.jsh", "0", Integer.toString(clients))) {
            Matcher listening = LISTENING.matcher(server.stdout().await(
                    text -> LISTENING.matcher(text).find(), Duration.ofSeconds(WAIT_SECONDS), "the server listening"));
            assertTrue(listening.find());
            long start = System.nanoTime();
            long echoed = drive(Integer.parseInt(listening.group(1)), clients, Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, server.exitCode(Duration.ofSeconds(WAIT_SECONDS)), server.stdout().text());
            report(clients, echoed, seconds, server.stdout().text());
        }
    }

    private static void load(int clients) throws Exception {
        BackgroundReplay server = BackgroundReplay.start("selectecho.jsh", List.of("0", Integer.toString(clients)),
                List.of());
        try {
            int port = server.listeningPort(WAIT_SECONDS);
            long start = System.nanoTime();
            long echoed = drive(port, clients, Duration.ofSeconds(WAIT_SECONDS));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, server.awaitStatus(WAIT_SECONDS), server.output());
            report(clients, echoed, seconds, server.output());
        } finally {
            server.stop();
        }
    }

    /** Every byte came back, and the server counted every client and every byte too. */
    private static void report(int clients, long echoed, double seconds, String serverOutput) {
        System.out.printf("load/select: %d clients x %d messages echoed intact in %.2f s (%d bytes)%n",
                clients, MESSAGES, seconds, echoed);
        assertEquals((long) clients * MESSAGES * message(0, 0).length, echoed);
        assertTrue(serverOutput.contains("clients " + clients + " bytes " + echoed), serverOutput);
    }

    /** One client's state: which message it is on, and how much of its echo has come back. */
    private static final class Client {
        final int number;
        final SocketChannel channel;
        int sent;
        ByteBuffer expected;
        final ByteBuffer received = ByteBuffer.allocate(64);

        Client(int number, SocketChannel channel) {
            this.number = number;
            this.channel = channel;
        }
    }

    /** Runs every client to the end on one selector; returns the bytes echoed back intact. */
    private static long drive(int port, int clients, Duration bound) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + bound.toNanos();
        long echoed = 0;
        List<Client> all = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            int started = 0;
            int connecting = 0;
            int finished = 0;
            while (finished < clients) {
                while (started < clients && connecting < CONNECTING_AT_ONCE) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    Client client = new Client(started++, channel);
                    all.add(client);
                    channel.connect(server);
                    channel.register(selector, SelectionKey.OP_CONNECT, client);
                    connecting++;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the load did not finish within " + bound + ": "
                            + finished + " of " + clients + " clients done");
                }
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    if (key.isConnectable()) {
                        client.channel.finishConnect();
                        connecting--;
                        sendNext(client);
                        key.interestOps(SelectionKey.OP_READ);
                    } else if (key.isReadable()) {
                        int n = client.channel.read(client.received);
                        if (n < 0) {
                            throw new AssertionError("client " + client.number + ": the server closed after "
                                    + client.sent + " messages");
                        }
                        if (client.received.position() < client.expected.remaining()) {
                            continue;
                        }
                        client.received.flip();
                        assertEquals(StandardCharsets.US_ASCII.decode(client.expected.duplicate()).toString(),
                                StandardCharsets.US_ASCII.decode(client.received).toString(),
                                "client " + client.number + ", message " + (client.sent - 1));
                        echoed += client.expected.remaining();
                        client.received.clear();
                        if (client.sent < MESSAGES) {
                            sendNext(client);
                        } else {
                            key.cancel();
                            client.channel.close();
                            finished++;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Client client : all) {
                client.channel.close();
            }
        }
        return echoed;
    }

    private static void sendNext(Client client) throws IOException {
        byte[] message = message(client.number, client.sent++);
        client.expected = ByteBuffer.wrap(message);
        ByteBuffer out = ByteBuffer.wrap(message);
        while (out.hasRemaining()) {
            client.channel.write(out);
        }
    }

    /** 32 bytes naming the client and the message, so any mix-up shows in the echo. */
    private static byte[] message(int client, int number) {
        return String.format("%010d:%010d:_________\n", client, number).getBytes(StandardCharsets.US_ASCII);
    }
}
