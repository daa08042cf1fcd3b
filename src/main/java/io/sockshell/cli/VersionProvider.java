package io.sockshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into the jar's resources, the Java it runs on, and the socket backend in use. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/sockshell/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"sockshell " + properties.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            "backend: " + BackendOption.inUse()};
    }
}
