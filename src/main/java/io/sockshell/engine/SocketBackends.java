package io.sockshell.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Chooses a backend by name, the way JShell chooses its execution engine: the set-up code asks
 * for a name (or for the default), and only the provider knows the class behind it. The
 * default is the system property {@value #PROPERTY} when set, else the most preferred backend
 * that can run here.
 */
public final class SocketBackends {
    /** The system property naming the backend every new session uses. */
    public static final String PROPERTY = "sockshell.backend";

    private SocketBackends() {
    }

    /** Every backend on the class path, available or not, most preferred first. */
    public static List<SocketBackendProvider> providers() {
        List<SocketBackendProvider> found = new ArrayList<>();
        ServiceLoader.load(SocketBackendProvider.class, SocketBackends.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(SocketBackendProvider::preference).reversed());
        return found;
    }

    /** The provider called {@code name}; refused with the reason when it cannot run here. */
    public static SocketBackendProvider named(String name) {
        List<String> names = new ArrayList<>();
        for (SocketBackendProvider provider : providers()) {
            if (provider.name().equals(name)) {
                Optional<String> reason = provider.unavailableReason();
                if (reason.isPresent()) {
                    throw new IllegalArgumentException("the " + name + " backend cannot run here: " + reason.get());
                }
                return provider;
            }
            names.add(provider.name());
        }
        throw new IllegalArgumentException("no backend called '" + name + "' (there is " + String.join(", ", names) + ")");
    }

    /** The backend new sessions use: the one {@value #PROPERTY} names, else the preferred one. */
    public static SocketBackendProvider standard() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return named(chosen.trim());
        }
        for (SocketBackendProvider provider : providers()) {
            if (provider.unavailableReason().isEmpty()) {
                return provider;
            }
        }
        throw new IllegalStateException("no socket backend can run here");
    }

    /** A backend of the standard kind. */
    public static SocketBackend create(TraceListener trace) {
        return standard().create(trace);
    }
}
