package io.sockshell.kernel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the kernel's files are: {@code /proc}, or the folder the system property
 * {@value #PROPERTY} names (a test points it at a folder that is missing or unreadable, to see
 * the shell say so). Off Linux there is no such folder, whatever the property says.
 */
public record KernelFiles(Path root, String system) {
    /** The system property naming another folder to read as {@code /proc}. */
    public static final String PROPERTY = "sockshell.proc";

    /** The files of this system: {@value #PROPERTY}, else {@code /proc}. */
    public static KernelFiles standard() {
        return new KernelFiles(Path.of(System.getProperty(PROPERTY, "/proc")), System.getProperty("os.name", "?"));
    }

    /** This system's files read from {@code root} instead of {@code /proc}. */
    public static KernelFiles at(Path root) {
        return new KernelFiles(root, System.getProperty("os.name", "?"));
    }

    /** Why there are no Linux socket tables here at all, or empty on Linux. */
    public Optional<String> notLinux() {
        return system.toLowerCase(Locale.ROOT).startsWith("linux") ? Optional.empty()
                : Optional.of("the kernel's socket tables are Linux's /proc/net files, and this is " + system);
    }

    Path netFile(String name) {
        return root.resolve("net").resolve(name);
    }
}
