package io.sockshell.engine.posix;

import io.sockshell.engine.SocketBackend;
import io.sockshell.engine.SocketBackendProvider;
import io.sockshell.engine.TraceListener;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The posix backend as {@link java.util.ServiceLoader} finds it. This class is compiled for
 * Java 17 like the rest of the engine, while the backend itself ({@value #IMPLEMENTATION}, in
 * {@code src/main/java22}) uses {@code java.lang.foreign} and is compiled for Java 22: it is
 * named here only as a string, and loaded only once {@link #unavailableReason()} is empty, so
 * an older JVM never meets a class file it cannot read.
 */
public final class PosixBackendProvider implements SocketBackendProvider {
    static final String IMPLEMENTATION = "io.sockshell.engine.posix.PosixBackend";
    /** The first JDK whose foreign function API is final (JEP 454). */
    static final int FIRST_JDK = 22;

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public Optional<String> unavailableReason() {
        int jdk = Runtime.version().feature();
        if (jdk < FIRST_JDK) {
            return Optional.of("posix needs JDK " + FIRST_JDK + "+, this is JDK " + jdk);
        }
        String os = System.getProperty("os.name", "");
        if (!os.startsWith("Linux")) {
            return Optional.of("posix needs Linux, this is " + os);
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
            // The constants and struct layouts are those of Linux on x86-64 and arm64.
            return Optional.of("posix knows Linux's layouts on amd64 and aarch64, this is " + arch);
        }
        if (PosixBackendProvider.class.getClassLoader().getResource(IMPLEMENTATION.replace('.', '/') + ".class") == null) {
            return Optional.of("this build has no posix backend (no JDK " + FIRST_JDK + "+ was found to compile it)");
        }
        return Optional.empty();
    }

    /** Preferred to nio wherever it can run: every call is the kernel's own. */
    @Override
    public int preference() {
        return 10;
    }

    @Override
    public SocketBackend create(TraceListener trace) {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw new IllegalStateException(reason.get());
        }
        try {
            return (SocketBackend) Class.forName(IMPLEMENTATION).getDeclaredConstructor(TraceListener.class)
                    .newInstance(trace);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the posix backend failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the posix backend cannot be loaded: " + e, e);
        }
    }
}
