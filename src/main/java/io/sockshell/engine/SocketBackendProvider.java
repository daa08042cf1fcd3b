package io.sockshell.engine;

import java.util.Optional;

/**
 * A backend as {@link java.util.ServiceLoader} finds it: a name, whether it can run in this JVM
 * on this system, and how to make one. Listed in
 * {@code META-INF/services/io.sockshell.engine.SocketBackendProvider}.
 */
public interface SocketBackendProvider {
    /** The name users choose it by. */
    String name();

    /** Why it cannot run here (an older JDK, another operating system), or empty when it can. */
    Optional<String> unavailableReason();

    /** Among the backends that can run, the one with the highest preference is the default. */
    int preference();

    SocketBackend create(TraceListener trace);
}
