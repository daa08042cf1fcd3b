package io.sockshell.command;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A way to write a session as a program in another language, for the {@code export} command.
 * The export package sits above the commands (it reads them with their own parsers), so the
 * command finds it through {@link ServiceLoader}, as the engine finds its backends.
 */
public interface SessionExport {
    /** The language's name, as the command takes it: {@code python}. */
    String language();

    /** The program making the calls of {@code lines}, in order; {@code title} names the session. */
    String export(String title, List<String> lines);

    /** The export for {@code language}, if one is on the class path. */
    static Optional<SessionExport> find(String language) {
        for (SessionExport export : ServiceLoader.load(SessionExport.class, SessionExport.class.getClassLoader())) {
            if (export.language().equals(language)) {
                return Optional.of(export);
            }
        }
        return Optional.empty();
    }
}
