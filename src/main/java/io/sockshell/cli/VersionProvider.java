package io.sockshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code sockshell --version} prints, one fact a line: the version and the commit Maven
 * wrote into the jar's resources (version.properties), the Java running it, and the socket
 * backend in use. A new fact is one more line in {@link #getVersion()}. The first line stays
 * "sockshell VERSION": the man pages take it as their source.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        return new String[] {
            "sockshell " + version(),
            "commit " + build("commit"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"),
            "backend: " + BackendOption.inUse()};
    }

    /** This build's version, such as 0.1.0. */
    static String version() {
        return build("version");
    }

    /**
     * A value of version.properties, or "unknown" when the build did not fill it in (a build
     * outside Maven leaves the ${...} placeholder).
     */
    private static String build(String key) {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/sockshell/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key, UNKNOWN);
        return value.isBlank() || value.contains("${") ? UNKNOWN : value;
    }
}
