package io.sockshell.engine.nio;

import io.sockshell.engine.SocketBackend;
import io.sockshell.engine.SocketBackendProvider;
import io.sockshell.engine.TraceListener;
import java.util.Optional;

/** The NIO backend runs on every JDK sockshell supports, so it is always there to fall back on. */
public final class NioBackendProvider implements SocketBackendProvider {
    @Override
    public String name() {
        return "nio";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public int preference() {
        return 0;
    }

    @Override
    public SocketBackend create(TraceListener trace) {
        return new NioBackend(trace);
    }
}
