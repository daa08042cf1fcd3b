package io.sockshell.link;

import io.sockshell.engine.ProcessStarts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection a link relays: the client's end it accepted and the end it opened to the
 * target, with a {@link Pump} each way. It runs on a thread of its own (the down pump) and one
 * more for the up pump; it ends when both pumps have, when an end resets, when an impairment
 * resets it, or when the link closes it.
 */
final class Relayed {
    private final Link link;
    private final int index;
    private final SocketChannel client;
    private final InetSocketAddress clientAddress;
    private volatile SocketChannel target;
    /** The port of this connection's end towards the target, known before it connects; -1 until then. */
    private volatile int targetSidePort = -1;
    private volatile Pump up;
    private volatile Pump down;
    private volatile String state = "connecting";
    private volatile boolean open = true;

    Relayed(Link link, int index, SocketChannel client) throws IOException {
        this.link = link;
        this.index = index;
        this.client = client;
        this.clientAddress = (InetSocketAddress) client.getRemoteAddress();
    }

    /**
     * Connects to the target and relays both ways until the connection ends; when the target
     * cannot be reached, closes the client's connection (it reads b''). Runs on its own thread.
     */
    void run() {
        try {
            boolean ipv6 = link.target().getAddress() instanceof Inet6Address;
            SocketChannel opened = SocketChannel.open(ipv6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            target = opened;
            // Bound first, so that the port is known before the target can accept the
            // connection (see Link.clientBehind); to this machine's address of the target's
            // family, not the wildcard, which would keep the port from every other address.
            opened.bind(new InetSocketAddress(ipv6 ? InetAddress.getByName("::1")
                    : InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            targetSidePort = ((InetSocketAddress) opened.getLocalAddress()).getPort();
            opened.connect(link.target());
            // A piece of a few bytes must go at once: with Nagle's algorithm on, it would wait for
            // the reader's acknowledgement of the last one, which Linux delays up to 40 ms.
            opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (!open) {
                ProcessStarts.close(opened);
                return;
            }
            LinkOptions options = link.options();
            up = new Pump(this, Direction.UP, client, opened, options, options.randomFor(index, Direction.UP));
            down = new Pump(this, Direction.DOWN, opened, client, options, options.randomFor(index, Direction.DOWN));
        } catch (IOException failed) {
            // Closed, not reset: a reset could reach the client while its connect is still
            // returning, and fail the connect on some runs and the next recv on others.
            end(failed instanceof ConnectException ? "refused (ConnectionRefusedError)" : "failed (" + why(failed) + ")",
                    false);
            return;
        }
        state = "relaying";
        Thread upThread = Link.thread(link.name() + "-" + index + "-up", up::run);
        upThread.start();
        down.run();
        try {
            upThread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        end("closed", false);
    }

    /** Its pump in {@code direction}; null until it has connected to the target. */
    Pump pump(Direction direction) {
        return direction == Direction.UP ? up : down;
    }

    int targetSidePort() {
        return targetSidePort;
    }

    int clientPort() {
        return clientAddress.getPort();
    }

    Readers readers() {
        return link.readers();
    }

    boolean open() {
        return open;
    }

    boolean tracing() {
        return link.tracing();
    }

    /**
     * For {@code trace on}: a line for each piece its readers have taken since the last call, up
     * before down: {@code link l: down piece 3 (5 bytes) delivered}; connections after the first
     * say which they are.
     */
    List<String> delivered() {
        List<String> lines = new ArrayList<>();
        String who = "link " + link.name() + (index == 0 ? "" : " connection " + (index + 1));
        for (Pump pump : new Pump[] {up, down}) {
            if (pump == null) {
                continue;
            }
            for (Pump.Piece piece : pump.delivered()) {
                lines.add(who + ": " + pump.direction().label() + " piece " + piece.number() + " (" + piece.size()
                        + (piece.size() == 1 ? " byte" : " bytes") + ") delivered");
            }
        }
        return lines;
    }

    /** A pump's end met an error of its own (the other side reset, say): both ends are reset, as a router would. */
    void failed(Direction direction, IOException failed) {
        if (open && !(failed instanceof AsynchronousCloseException) && !(failed instanceof ClosedChannelException)) {
            end("reset (" + direction.label() + ": " + why(failed) + ")", true);
        }
    }

    /** An impairment ends the connection: both ends see ConnectionResetError. */
    void reset(String why) {
        end(why, true);
    }

    /** The link is closing: both ends see b''. */
    void close() {
        end("closed", false);
    }

    /** Closes both ends once, resetting them when {@code abort}; the first reason given stays. */
    private synchronized void end(String why, boolean abort) {
        if (!open) {
            return;
        }
        open = false;
        state = why;
        for (SocketChannel end : new SocketChannel[] {client, target}) {
            if (end == null) {
                continue;
            }
            try {
                if (abort) {
                    end.setOption(StandardSocketOptions.SO_LINGER, 0);
                } else if (end.isConnected()) {
                    end.shutdownOutput();
                }
            } catch (IOException alreadyGone) {
                // Closing below still releases it.
            }
            try {
                ProcessStarts.close(end);
            } catch (IOException alreadyGone) {
                // Nothing more can be done for a socket the kernel has already let go of.
            }
        }
    }

    /** Its row in the link's table: the client's address, state, and bytes/pieces each way. */
    List<String> row() {
        Pump upNow = up;
        Pump downNow = down;
        return List.of("", Link.hostPort(clientAddress), "", state, upNow == null ? "0B/0" : upNow.counts(),
                downNow == null ? "0B/0" : downNow.counts(), "");
    }

    private static String why(IOException failed) {
        return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
    }
}
