package io.sockshell.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --prefix DIR}: where install puts sockshell and uninstall takes it from. */
final class PrefixOption {
    @Option(names = "--prefix", paramLabel = "DIR",
            description = "The folder to install under (default: ~/.local): DIR/bin/sockshell, its man pages in"
                + " DIR/share/man, its completion in DIR/share/bash-completion, the rest in DIR/share/sockshell.")
    Path prefix;

    /** The prefix given, or ~/.local, as an absolute path. */
    Path resolved() {
        return (prefix != null ? prefix : home().resolve(".local")).toAbsolutePath().normalize();
    }

    /** ~ as the shell has it: $HOME, which may differ from the account's home that Java's user.home reads. */
    private static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }
}
