package io.sockshell.cli;

import io.sockshell.engine.SocketBackendProvider;
import io.sockshell.engine.SocketBackends;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code --backend nio|posix}: which socket backend every session of this run uses. It is
 * checked and takes effect as soon as it is parsed (the system property
 * {@link SocketBackends#PROPERTY}), before any session exists; a name that cannot run here is
 * one line on standard error and exit code 2.
 */
final class BackendOption {
    /** A --backend that cannot be used: picocli's usage error, shown as its one line. */
    static final class Refused extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        Refused(CommandLine line, String message) {
            super(line, message);
        }
    }

    private BackendOption() {
    }

    static void choose(CommandLine line, String name) {
        try {
            SocketBackends.named(name);
        } catch (IllegalArgumentException e) {
            throw new Refused(line, "sockshell: --backend " + name + ": " + e.getMessage());
        }
        System.setProperty(SocketBackends.PROPERTY, name);
    }

    /** Shows a refused --backend as its one line; any other usage error as picocli does. */
    static CommandLine.IParameterExceptionHandler oneLine(CommandLine.IParameterExceptionHandler others) {
        return (error, args) -> {
            if (error instanceof Refused) {
                error.getCommandLine().getErr().println(error.getMessage());
                error.getCommandLine().getErr().flush();
                return 2;
            }
            return others.handleParseException(error, args);
        };
    }

    /**
     * The backend new sessions use, and why: {@code posix (JDK 25, Linux)}, {@code nio (chosen
     * with --backend)}, {@code nio (posix needs JDK 22+, this is JDK 17)}.
     */
    static String inUse() {
        SocketBackendProvider chosen = SocketBackends.standard();
        String property = System.getProperty(SocketBackends.PROPERTY);
        if (property != null && !property.isBlank()) {
            return chosen.name() + " (chosen with --backend)";
        }
        for (SocketBackendProvider provider : SocketBackends.providers()) {
            if (provider == chosen || provider.name().equals(chosen.name())) {
                break;
            }
            Optional<String> reason = provider.unavailableReason();
            if (reason.isPresent()) {
                return chosen.name() + " (" + reason.get() + ")";
            }
        }
        return chosen.name() + " (JDK " + Runtime.version().feature() + ", " + System.getProperty("os.name") + ")";
    }
}
