package io.sockshell.py.conductor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the replayed programs have done to each other, counted as their calls pass the conductor: which ports
 * listen, how many connections wait to be accepted, how many bytes each direction of each
 * connection has sent and had read, and which directions are closed. Loopback may deliver a
 * little later than the call that sent, so the kernel's readiness at a given instant depends on
 * timing; these counts do not, and they say exactly when a call can go on.
 */
final class Ledger {
    /** One direction of one connection, named by its ports (all replayed programs share one host). */
    record Flow(int from, int to) {
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

    private final Set<Integer> listening = new HashSet<>();
    private final Map<Integer, Integer> unaccepted = new HashMap<>();
    private final Map<Flow, Direction> directions = new HashMap<>();
    private long version;

    /** Grows with every change that can let some waiting call go on. */
    long version() {
        return version;
    }

    void listening(int port) {
        listening.add(port);
        version++;
    }

    void stoppedListening(int port) {
        listening.remove(port);
        unaccepted.remove(port);
        version++;
    }

    /**
     * A client at {@code clientPort} connected to {@code serverPort}, directly or through a relay
     * ({@code relayed}: a link, which delivers what was sent in pieces of its own). Returns false,
     * and counts nothing, when no replayed program listens there: that peer is outside the replay.
     */
    boolean connected(int clientPort, int serverPort, boolean relayed) {
        if (!listening.contains(serverPort)) {
            return false;
        }
        Flow out = new Flow(clientPort, serverPort);
        directions.putIfAbsent(out, new Direction(relayed));
        directions.putIfAbsent(out.reversed(), new Direction(relayed));
        unaccepted.merge(serverPort, 1, Integer::sum);
        version++;
        return true;
    }

    boolean hasUnaccepted(int port) {
        return unaccepted.getOrDefault(port, 0) > 0;
    }

    void accepted(int port) {
        unaccepted.computeIfPresent(port, (p, n) -> n > 1 ? n - 1 : null);
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
