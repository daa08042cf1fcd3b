package io.sockshell.command;

import io.sockshell.engine.Address;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockInfo;
import io.sockshell.link.Link;
import io.sockshell.link.LinkOptions;
import io.sockshell.link.Readers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "link",
        description = {"Start a link NAME, a relay to HOST PORT that can be a seeded bad network.",
            "It listens on 127.0.0.1, on a free port (NAME.port, and the address it prints), and passes",
            "every connection made to it on to HOST PORT, both ways. HOST is this machine only:",
            "localhost, 127.x.x.x or ::1. Each piece is written only once the reader has taken the",
            "previous one, so what each recv returns is the same on every run. sockets lists the link",
            "and each connection (bytes/pieces each way); close NAME closes them (both ends see b'')."},
        footer = {"",
            "Lesson (tutorial sections 5.1, 4 and 2.2): TCP carries one stream of bytes, not messages. On",
            "loopback 30000 bytes usually arrive in one recv, so a program that takes one recv for one",
            "message seems to work; through a link they arrive in pieces, as over a real network. A client",
            "must loop on recv until b'' (or until its message is complete), send may take only part of",
            "what it is given (sendall loops), and lines are the reader's job (makefile and readline).",
            "  link l 127.0.0.1 srv.port --slice 1..7 --seed 5",
            "  connect c 127.0.0.1 l.port"})
public final class LinkCommand extends ShellCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "HOST")
    String host;

    @Parameters(index = "2", paramLabel = "PORT", description = "a number, or NAME.port")
    String port;

    @Option(names = "--slice", paramLabel = "N|MIN..MAX",
            description = "cut the stream into pieces of N bytes, or of a seeded random size from MIN to MAX")
    String slice;

    @Option(names = "--delay", paramLabel = "MS", description = "hold each piece MS milliseconds")
    Integer delay;

    @Option(names = "--jitter", paramLabel = "MS", description = "and up to MS milliseconds more, seeded")
    Integer jitter;

    @Option(names = "--rate", paramLabel = "BYTES/s", description = "at most this many bytes a second (k, M: thousands, millions)")
    String rate;

    @Option(names = "--limit", paramLabel = "BYTES",
            description = "after BYTES in a direction, close that direction (its reader sees b'')")
    String limit;

    @Option(names = "--reset-after", paramLabel = "BYTES",
            description = "after BYTES in a direction, reset both ends (ConnectionResetError)")
    String resetAfter;

    @Option(names = "--up", description = "impair only what the client sends")
    boolean up;

    @Option(names = "--down", description = "impair only what the client receives")
    boolean down;

    @Option(names = "--seed", paramLabel = "N",
            description = "the seed of every random choice; without it one is chosen and printed")
    Long seed;

    public LinkCommand(ShellContext context) {
        super(context);
    }

    /** The count of bytes read by this shell's open socket at {@code local} connected to {@code remote}, if it has one. */
    private Optional<LongSupplier> shellSocket(InetSocketAddress local, InetSocketAddress remote) {
        for (Sock sock : context.table().sockets().values()) {
            SockInfo info = sock.info();
            if (!sock.isClosed() && same(info.local(), local) && same(info.peer(), remote)) {
                return Optional.of(() -> sock.isClosed() ? Long.MAX_VALUE : sock.bytesReceived());
            }
        }
        return Optional.empty();
    }

    /** An engine address and a JDK one name the same place (an IPv4-mapped IPv6 address as its IPv4 one). */
    private static boolean same(Address address, InetSocketAddress other) {
        return address != null && address.port() == other.getPort()
                && address.host().replace("::ffff:", "").equals(other.getAddress().getHostAddress());
    }

    @Override
    protected void run() throws SockError, UsageError {
        context.table().checkFree(name);
        int targetPort = port(port);
        LinkOptions options;
        InetSocketAddress target;
        try {
            options = LinkOptions.parse(slice, delay, jitter, rate, limit, resetAfter, up, down, seed);
            target = Link.target(host, targetPort);
        } catch (IllegalArgumentException bad) {
            throw new UsageError(bad.getMessage());
        }
        Link link;
        try {
            link = Link.open(name, target, options, this::shellSocket, () -> context.trace().on());
        } catch (IOException failed) {
            throw SockError.unclassified(failed);
        }
        try {
            context.table().hold(name, link);
        } catch (SockError taken) {
            link.close();
            throw taken;
        }
        InetSocketAddress address = link.address();
        out().println("('" + address.getAddress().getHostAddress() + "', " + address.getPort() + ")"
                + (options.seedChosen() && options.random() ? " seed " + options.seed() : ""));
        out().flush();
    }
}
