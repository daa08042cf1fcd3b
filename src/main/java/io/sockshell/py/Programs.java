package io.sockshell.py;

import io.sockshell.engine.Readiness;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import io.sockshell.py.spi.ProgramProvider;
import io.sockshell.py.spi.RunningProgram;
import io.sockshell.py.spi.SockCall;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The facade's way to the program its calls run in: found through whichever
 * {@link ProgramProvider} is on the class path, so the facade names no class of the runtime;
 * and the one place where the engine's errors become Python's exceptions.
 */
final class Programs {
    private static final ProgramProvider PROVIDER = ServiceLoader
            .load(ProgramProvider.class, ProgramProvider.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no program runtime on the class path: "
                    + "META-INF/services/" + ProgramProvider.class.getName() + " is missing"));

    /** A call that returns nothing, such as {@code bind} or {@code flush}. */
    @FunctionalInterface
    interface SockAction {
        void run() throws SockError;
    }

    private Programs() {
    }

    /** The program the calling thread runs in. */
    static RunningProgram current() {
        return PROVIDER.current();
    }

    /** Runs one call of {@code program} as {@code name}, raising the engine's errors as Python's. */
    static <T> T call(RunningProgram program, String name, SockCall<T> body) {
        try {
            return program.call(name, body);
        } catch (SockError e) {
            throw PyException.from(e);
        }
    }

    /** As {@link #call}, for a call that returns nothing. */
    static void run(RunningProgram program, String name, SockAction action) {
        call(program, name, () -> {
            action.run();
            return null;
        });
    }

    /** {@code select.select} as the call {@code name}, its answer told in the facade's sockets. */
    static Readiness<PySocket> select(RunningProgram program, String name, List<PySocket> read, List<PySocket> write,
            List<PySocket> except, Double timeout) {
        Map<Sock, PySocket> owners = new IdentityHashMap<>();
        List<Sock> reading = socks(read, owners);
        List<Sock> writing = socks(write, owners);
        List<Sock> excepting = socks(except, owners);
        Readiness<Sock> ready = call(program, name, () -> program.select(reading, writing, excepting, timeout));
        return ready.map(owners::get);
    }

    private static List<Sock> socks(List<PySocket> sockets, Map<Sock, PySocket> owners) {
        List<Sock> socks = new ArrayList<>(sockets.size());
        for (PySocket socket : sockets) {
            socks.add(socket.sock());
            owners.put(socket.sock(), socket);
        }
        return socks;
    }
}
