package io.sockshell.recording;

import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PollEvent;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SocketBackend;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A party's socket backend: the sockets it opens are {@link RecordingSock}s, and select and
 * poll, which the engine answers only in its own sockets, are recorded and answered in the
 * party's.
 */
final class RecordingBackend implements SocketBackend {
    private final PartyRecording recording;
    private final SocketBackend engine;

    RecordingBackend(PartyRecording recording, SocketBackend engine) {
        this.recording = recording;
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Sock open(Family family, Kind kind) throws SockError {
        return new RecordingSock(recording, engine.open(family, kind));
    }

    @Override
    public Readiness<Sock> select(List<Sock> read, List<Sock> write, List<Sock> except, Double timeoutSeconds)
            throws SockError {
        String arguments = "timeout=" + PyRepr.of(timeoutSeconds);
        return recording.select("select", arguments, read, write, except,
                (reading, writing, excepting) -> engine.select(reading, writing, excepting, timeoutSeconds));
    }

    /** Poll as a select: the engine polls its own sockets, and the answer is told in the party's. */
    @Override
    public List<PollEvent> poll(Map<Sock, Integer> interest, Integer timeoutMillis) throws SockError {
        Map<Sock, Sock> wrappers = new IdentityHashMap<>();
        Map<Sock, Integer> engineInterest = new LinkedHashMap<>();
        List<Sock> reading = new ArrayList<>();
        List<Sock> writing = new ArrayList<>();
        for (Map.Entry<Sock, Integer> entry : interest.entrySet()) {
            Sock sock = entry.getKey();
            Sock inner = sock instanceof RecordingSock own ? own.inner() : sock;
            wrappers.put(inner, sock);
            engineInterest.merge(inner, entry.getValue(), (a, b) -> a | b);
            if ((entry.getValue() & PollEvent.POLLIN) != 0) {
                reading.add(sock);
            }
            if ((entry.getValue() & PollEvent.POLLOUT) != 0) {
                writing.add(sock);
            }
        }
        List<List<PollEvent>> answer = new ArrayList<>(1);
        String arguments = "timeout=" + (timeoutMillis == null ? "None" : timeoutMillis + " ms");
        recording.select("poll", arguments, reading, writing, List.of(), (r, w, x) -> {
            List<PollEvent> events = engine.poll(engineInterest, timeoutMillis);
            answer.add(events);
            List<Sock> readable = new ArrayList<>();
            List<Sock> writable = new ArrayList<>();
            for (PollEvent event : events) {
                if ((event.events() & ~PollEvent.POLLOUT) != 0) {
                    readable.add(event.socket());
                }
                if ((event.events() & PollEvent.POLLOUT) != 0) {
                    writable.add(event.socket());
                }
            }
            return new Readiness<>(readable, writable, List.of());
        });
        List<PollEvent> told = new ArrayList<>();
        for (PollEvent event : answer.get(0)) {
            told.add(new PollEvent(wrappers.getOrDefault(event.socket(), event.socket()), event.events()));
        }
        return told;
    }
}
