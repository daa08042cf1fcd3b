package io.sockshell.py.conductor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the replayed programs have done to each other, counted as their calls pass the conductor: which
 * {@link Endpoint}s (ports, AF_UNIX paths) listen, which connections wait to be accepted, how many
 * bytes each direction of each connection has sent and had read, and which directions are closed. Loopback may deliver a
 * little later than the call that sent, so the kernel's readiness at a given instant depends on
 * timing; these counts do not, and they say exactly when a call can go on.
 */
final class Ledger {
    /** One direction of one connection, named by its ends. */
    record Flow(Endpoint from, Endpoint to) {
        Flow reversed() {
            return new Flow(to, from);
        }
    }

    private static final class Direction {
        final boolean relayed;
        long sent;
        long read;
        boolean finished;

        Direction(boolean relayed) {
            this.relayed = relayed;
        }
    }

    private final Set<Endpoint> listening = new HashSet<>();
    /** Per listening end, its clients not yet accepted, in the order they connected. */
    private final Map<Endpoint, Deque<Endpoint>> unaccepted = new HashMap<>();
    private final Map<Flow, Direction> directions = new HashMap<>();
    private long version;
    private long unnamedSockets;

    /** Grows with every change that can let some waiting call go on. */
    long version() {
        return version;
    }

    /** A name for an AF_UNIX socket bound to no path, which no other socket of the replay has. */
    Endpoint unnamed() {
        return new Endpoint.Unnamed(++unnamedSockets);
    }

    void listening(Endpoint server) {
        listening.add(server);
        version++;
    }

    void stoppedListening(Endpoint server) {
        listening.remove(server);
        unaccepted.remove(server);
        version++;
    }

    /**
     * {@code client} connected to {@code server}, directly or through a relay ({@code relayed}: a
     * link, which delivers what was sent in pieces of its own). Returns false, and counts
     * nothing, when no replayed program listens there: that peer is outside the replay.
     */
    boolean connected(Endpoint client, Endpoint server, boolean relayed) {
        if (!listening.contains(server)) {
            return false;
        }
        Flow out = new Flow(client, server);
        directions.putIfAbsent(out, new Direction(relayed));
        directions.putIfAbsent(out.reversed(), new Direction(relayed));
        unaccepted.computeIfAbsent(server, s -> new ArrayDeque<>()).add(client);
        version++;
        return true;
    }

    boolean hasUnaccepted(Endpoint server) {
        return unaccepted.containsKey(server);
    }

    /**
     * {@code server} accepted a connection from {@code client}; returns the client. When the
     * accepted socket cannot say who its client is ({@code client} null: the peer of an AF_UNIX
     * socket bound to no path has no name), it is the first client in line, as the kernel's
     * accept queue is first in, first out and the programs connect one at a time.
     */
    Endpoint accepted(Endpoint server, Endpoint client) {
        Deque<Endpoint> waiting = unaccepted.get(server);
        if (waiting == null) {
            return client;
        }
        Endpoint first = waiting.peek();
        if (client == null || !waiting.remove(client)) {
            waiting.poll();
        }
        if (waiting.isEmpty()) {
            unaccepted.remove(server);
        }
        return client == null ? first : client;
    }

    /** Whether both ends of this direction belong to replayed programs. */
    boolean knows(Flow flow) {
        return directions.containsKey(flow);
    }

    /** Whether this direction goes through a relay, which decides how much of it each read gets. */
    boolean relayed(Flow flow) {
        return directions.get(flow).relayed;
    }

    void sent(Flow flow, long bytes) {
        directions.get(flow).sent += bytes;
        version++;
    }

    void read(Flow flow, long bytes) {
        directions.get(flow).read += bytes;
    }

    void finished(Flow flow) {
        Direction direction = directions.get(flow);
        if (direction != null && !direction.finished) {
            direction.finished = true;
            version++;
        }
    }

    /** Bytes sent in this direction and not yet read. */
    long unread(Flow flow) {
        Direction direction = directions.get(flow);
        return direction.sent - direction.read;
    }

    /** Whether a read in this direction would return at once: data is there, or the end. */
    boolean readable(Flow flow) {
        Direction direction = directions.get(flow);
        return direction.sent > direction.read || direction.finished;
    }

    /** How much the far end has read of what this direction sent; grows as the peer makes room. */
    long readByPeer(Flow flow) {
        return directions.get(flow).read;
    }
}
