package io.sockshell.py;

import io.sockshell.engine.PollEvent;
import io.sockshell.engine.Readiness;
import io.sockshell.py.spi.RunningProgram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code select.poll()} returns: a set of sockets, each with the events it is watched
 * for. {@link #poll(Integer)} returns {@code (socket, events)} pairs, where Python returns
 * descriptor numbers, which Java does not have.
 */
public final class PyPoll {
    /** Python's default mask when {@code register} is given none: POLLIN | POLLPRI | POLLOUT. */
    private static final int DEFAULT_MASK = PollEvent.POLLIN | 0x002 | PollEvent.POLLOUT;

    private final RunningProgram program;
    private final Map<PySocket, Integer> interest = new LinkedHashMap<>();

    PyPoll(RunningProgram program) {
        this.program = program;
    }

    /** One ready socket and what it is ready for, shown as Python would: {@code (socket, POLLIN)}. */
    public record Event(PySocket socket, int events) {
        @Override
        public String toString() {
            return "(" + socket + ", " + PollEvent.names(events) + ")";
        }
    }

    public void register(PySocket socket, int eventmask) {
        interest.put(socket, eventmask);
    }

    public void register(PySocket socket) {
        register(socket, DEFAULT_MASK);
    }

    public void modify(PySocket socket, int eventmask) {
        if (!interest.containsKey(socket)) {
            throw new PyException("FileNotFoundError", "[Errno 2] No such file or directory");
        }
        interest.put(socket, eventmask);
    }

    public void unregister(PySocket socket) {
        if (interest.remove(socket) == null) {
            throw new PyException("KeyError", socket.toString());
        }
    }

    /** Waits for ever until a registered socket is ready. */
    public List<Event> poll() {
        return poll(null);
    }

    /** Waits at most {@code timeoutMillis} (null or negative: for ever, 0: only looks). */
    public List<Event> poll(Integer timeoutMillis) {
        List<Event> events = new ArrayList<>();
        List<PySocket> read = new ArrayList<>();
        List<PySocket> write = new ArrayList<>();
        for (Map.Entry<PySocket, Integer> entry : interest.entrySet()) {
            PySocket socket = entry.getKey();
            if (socket.isClosed()) {
                events.add(new Event(socket, PollEvent.POLLNVAL));
                continue;
            }
            if ((entry.getValue() & PollEvent.POLLIN) != 0) {
                read.add(socket);
            }
            if ((entry.getValue() & PollEvent.POLLOUT) != 0) {
                write.add(socket);
            }
        }
        Double timeout = !events.isEmpty() ? Double.valueOf(0.0)
                : timeoutMillis == null || timeoutMillis < 0 ? null : timeoutMillis / 1000.0;
        Readiness<PySocket> ready = Programs.select(program, "poll()", read, write, List.of(), timeout);
        for (PySocket socket : interest.keySet()) {
            int flags = (ready.readable().contains(socket) ? PollEvent.POLLIN : 0)
                    | (ready.writable().contains(socket) ? PollEvent.POLLOUT : 0);
            if (flags != 0) {
                events.add(new Event(socket, flags));
            }
        }
        return events;
    }
}
