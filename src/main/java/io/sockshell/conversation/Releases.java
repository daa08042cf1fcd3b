package io.sockshell.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which calls blocked and what released them, decided from a ledger of what each side had
 * sent, taken, connected and closed by each moment, the way a kernel decides it: a recv waits
 * until the bytes it returned had been sent (and the end of the stream, if it met it), an accept
 * until its client connected, a select until one of the sockets it found ready became so. A
 * call that another call overlapped in time but whose wait the ledger cannot explain (a
 * timeout, a peer that was not recorded) blocked with no releaser.
 *
 * <p>Deciding from the ledger rather than from the order the threads recorded their ends in
 * keeps a background job's end in the same place on every run.
 */
final class Releases {
    private static final String RESET = "ConnectionResetError";

    /** A moment something became available to a lifeline: bytes (adding up to {@code total}), an end of stream, a connection. */
    private record Arrival(long at, long total, int call) {
    }

    private final Conversation conversation;
    private final List<Call> byBegin;
    private final long[] begins;
    private final Map<Integer, List<Arrival>> data = new HashMap<>();
    private final Map<Integer, Arrival> endOfStream = new HashMap<>();
    private final Map<Integer, List<Arrival>> connections = new HashMap<>();
    /** Receiving calls on each lifeline in the order they began, with what they had taken in all by their end. */
    private final Map<Integer, List<Arrival>> taken = new HashMap<>();
    private final Map<Integer, List<Call>> accepts = new HashMap<>();
    private final boolean[] blocked;
    private final int[] releasers;
    private final boolean[] resets;

    Releases(Conversation conversation) {
        this.conversation = conversation;
        this.byBegin = new ArrayList<>(conversation.calls());
        byBegin.sort(Comparator.comparingLong(Call::begin).thenComparingInt(Call::id));
        this.begins = byBegin.stream().mapToLong(Call::begin).toArray();
        int size = conversation.calls().size();
        this.blocked = new boolean[size];
        this.releasers = new int[size];
        this.resets = new boolean[size];
        Arrays.fill(releasers, -1);
        keepLedger();
        for (Call call : byBegin) {
            decide(call);
        }
        findResets();
    }

    boolean blocked(int call) {
        return blocked[call];
    }

    int releaser(int call) {
        return releasers[call];
    }

    boolean reset(int call) {
        return resets[call];
    }

    private void keepLedger() {
        for (Call call : byBegin) {
            int other = conversation.counterpart(call);
            switch (call.op()) {
                case SEND, SENDTO -> {
                    if (other >= 0 && call.bytes() > 0) {
                        List<Arrival> into = data.computeIfAbsent(other, unused -> new ArrayList<>());
                        long before = into.isEmpty() ? 0 : into.get(into.size() - 1).total();
                        into.add(new Arrival(call.begin(), before + call.bytes(), call.id()));
                    }
                }
                case CLOSE, SHUTDOWN -> {
                    boolean endsWrites = call.op() == Op.CLOSE || call.arguments().contains("WR");
                    if (other >= 0 && endsWrites && !call.failed()) {
                        endOfStream.putIfAbsent(other, new Arrival(call.begin(), 0, call.id()));
                    }
                }
                case CONNECT -> {
                    if (other >= 0 && (!call.failed() || "BlockingIOError".equals(call.errorClass()))) {
                        connections.computeIfAbsent(other, unused -> new ArrayList<>())
                                .add(new Arrival(call.begin(), 0, call.id()));
                    }
                }
                case RECV, RECVFROM -> {
                    List<Arrival> into = taken.computeIfAbsent(call.socket(), unused -> new ArrayList<>());
                    long before = into.isEmpty() ? 0 : into.get(into.size() - 1).total();
                    into.add(new Arrival(call.begin(), before + call.bytes(), call.id()));
                }
                case ACCEPT -> accepts.computeIfAbsent(call.socket(), unused -> new ArrayList<>()).add(call);
                default -> {
                }
            }
        }
    }

    private void decide(Call call) {
        if (!mayWait(call) || !overlapped(call)) {
            return;
        }
        Arrival release = switch (call.op()) {
            case ACCEPT -> acceptRelease(call);
            case RECV, RECVFROM -> receiveRelease(call);
            case SEND, SENDTO -> sendRelease(call);
            case SELECT -> selectRelease(call);
            default -> null;
        };
        if (release == READY) {
            return;
        }
        blocked[call.id()] = true;
        if (release != null && (call.end() < 0 || release.at() < call.end())) {
            releasers[call.id()] = release.call();
        }
    }

    /** What a release finder returns when what the call needed was there when it began: it did not wait. */
    private static final Arrival READY = new Arrival(Long.MIN_VALUE, 0, -1);

    private static boolean mayWait(Call call) {
        boolean waitingKind = switch (call.op()) {
            case ACCEPT, RECV, RECVFROM, SEND, SENDTO, SELECT -> true;
            default -> false;
        };
        return waitingKind && !"BlockingIOError".equals(call.errorClass());
    }

    /** Whether another call began while this one ran: only then can it have waited for one. */
    private boolean overlapped(Call call) {
        int next = firstBeginAfter(call.begin());
        return next < begins.length && (call.end() < 0 || begins[next] < call.end());
    }

    private int firstBeginAfter(long tick) {
        int low = 0;
        int high = begins.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (begins[middle] <= tick) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private Arrival acceptRelease(Call call) {
        if (call.created() < 0) {
            return null;
        }
        int client = conversation.peer(call.created());
        for (Arrival connect : connections.getOrDefault(call.socket(), List.of())) {
            if (conversation.calls().get(connect.call()).socket() == client) {
                return startedOrReady(connect, call);
            }
        }
        return null;
    }

    private Arrival receiveRelease(Call call) {
        if (call.failed()) {
            if (!RESET.equals(call.errorClass())) {
                return null;
            }
            Arrival close = endOfStream.get(call.socket());
            return close == null ? null : startedOrReady(close, call);
        }
        Arrival latest = null;
        if (call.bytes() > 0) {
            long needed = takenBefore(call) + call.bytes();
            latest = firstReaching(data.getOrDefault(call.socket(), List.of()), needed);
            if (latest == null) {
                return null;
            }
        }
        if (call.endOfStream()) {
            Arrival close = endOfStream.get(call.socket());
            if (close == null) {
                return null;
            }
            latest = latest == null || close.at() > latest.at() ? close : latest;
        }
        return latest == null ? null : startedOrReady(latest, call);
    }

    /** A send that waited for room waits until its peer has read what it sent, or as much as it read meanwhile. */
    private Arrival sendRelease(Call call) {
        int reader = conversation.counterpart(call);
        if (reader < 0) {
            return null;
        }
        long sent = 0;
        for (Arrival arrival : data.getOrDefault(reader, List.of())) {
            if (arrival.call() == call.id()) {
                sent = arrival.total();
            }
        }
        Arrival lastMeanwhile = null;
        for (Arrival read : taken.getOrDefault(reader, List.of())) {
            if (read.at() <= call.begin()) {
                continue;
            }
            if (read.total() >= sent) {
                return read;
            }
            if (call.end() < 0 || read.at() < call.end()) {
                lastMeanwhile = read;
            }
        }
        return lastMeanwhile;
    }

    private Arrival selectRelease(Call call) {
        Arrival first = null;
        for (int ready : call.ready()) {
            Arrival became = conversation.lifeline(ready).listening() ? connectionFor(ready, call) : readableFor(ready, call);
            if (became == READY) {
                return READY;
            }
            if (became != null && (first == null || became.at() < first.at())) {
                first = became;
            }
        }
        return first;
    }

    /** When listener {@code lifeline} got a connection no accept had taken yet: READY if before the call. */
    private Arrival connectionFor(int lifeline, Call call) {
        long acceptedBefore = accepts.getOrDefault(lifeline, List.of()).stream()
                .filter(accept -> accept.begin() < call.begin()).count();
        List<Arrival> arrived = connections.getOrDefault(lifeline, List.of());
        if (arrived.size() <= acceptedBefore) {
            return null;
        }
        return startedOrReady(arrived.get((int) acceptedBefore), call);
    }

    /** When {@code lifeline} had bytes nobody had read yet, or its stream's end: READY if before the call. */
    private Arrival readableFor(int lifeline, Call call) {
        long takenBefore = 0;
        for (Arrival read : taken.getOrDefault(lifeline, List.of())) {
            if (read.at() < call.begin()) {
                takenBefore = read.total();
            }
        }
        Arrival bytes = firstReaching(data.getOrDefault(lifeline, List.of()), takenBefore + 1);
        Arrival close = endOfStream.get(lifeline);
        Arrival first = bytes == null ? close : close == null || bytes.at() < close.at() ? bytes : close;
        return first == null ? null : startedOrReady(first, call);
    }

    private long takenBefore(Call call) {
        long before = 0;
        for (Arrival read : taken.getOrDefault(call.socket(), List.of())) {
            if (read.call() == call.id()) {
                return before;
            }
            before = read.total();
        }
        return before;
    }

    private static Arrival firstReaching(List<Arrival> arrivals, long total) {
        for (Arrival arrival : arrivals) {
            if (arrival.total() >= total) {
                return arrival;
            }
        }
        return null;
    }

    private static Arrival startedOrReady(Arrival arrival, Call call) {
        return arrival.at() < call.begin() ? READY : arrival;
    }

    private void findResets() {
        Map<Integer, List<Call>> bySocket = new HashMap<>();
        for (Call call : byBegin) {
            bySocket.computeIfAbsent(call.socket(), unused -> new ArrayList<>()).add(call);
        }
        for (Call call : byBegin) {
            int peer = conversation.counterpart(call);
            if (call.op() != Op.CLOSE || peer < 0) {
                continue;
            }
            for (Call later : bySocket.getOrDefault(peer, List.of())) {
                if (later.end() > call.begin() && RESET.equals(later.errorClass())) {
                    resets[call.id()] = true;
                    break;
                }
            }
        }
    }
}
