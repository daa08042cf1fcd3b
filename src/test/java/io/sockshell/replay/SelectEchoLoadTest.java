package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void aThousandClientsExchangeAHundredMessagesEach() throws Exception {
        load(1_000);
    }

    @Test
    @EnabledIfSystemProperty(named = "sockshell.load.clients", matches = "\\d+")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void longRun() throws Exception {
        int clients = Integer.getInteger("sockshell.load.clients");
        long limit = ((com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        // Both ends of every connection live in this process.
        Assumptions.assumeTrue(2L * clients + 200 <= limit, "the descriptor limit (" + limit + ") is too low for "
                + clients + " clients here: they need two each; raise it (ulimit -n) or ask for fewer");
        load(clients);
    }

    private static void load(int clients) throws Exception {
        BackgroundReplay server = BackgroundReplay.start("selectecho.jsh", List.of("0", Integer.toString(clients)),
                List.of());
        try {
            int port = server.listeningPort(WAIT_SECONDS);
            long start = System.nanoTime();
            long echoed = drive(port, clients);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, server.awaitStatus(WAIT_SECONDS), server.output());
            System.out.printf("load/select: %d clients x %d messages echoed intact in %.2f s (%d bytes)%n",
                    clients, MESSAGES, seconds, echoed);
            assertEquals((long) clients * MESSAGES * message(0, 0).length, echoed);
            assertTrue(server.output().contains("clients " + clients + " bytes " + echoed), server.output());
        } finally {
            server.stop();
        }
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
    private static long drive(int port, int clients) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
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
                    throw new AssertionError("the load did not finish within " + WAIT_SECONDS + " s: "
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
