package io.sockshell.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sockshell install}: puts the distribution this runs from on a prefix, as a tool on the PATH. */
@Command(name = "install",
        description = {"Install this sockshell under a prefix, with its man pages and shell completion,"
                + " and say what to add to the PATH. An installed sockshell there (an older or a newer one) is replaced.",
            "In the repository, ./sockshell install builds the distribution first (./mvnw -Pdist package)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:installed", "1:it could not be installed", "2:usage error"})
final class InstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PrefixOption prefix;

    private final Optional<Path> distribution;

    InstallCommand() {
        this(Installation.running());
    }

    /** Installs {@code distribution}, or says there is none to install when it is empty. */
    InstallCommand(Optional<Path> distribution) {
        this.distribution = distribution;
    }

    @Override
    public Integer call() {
        return Installation.report(spec, prefix.resolved(), (to, out) -> {
            Path from = distribution.orElseThrow(() -> new Installation.Failure(
                    "this sockshell is not an unpacked distribution; in the repository, run ./sockshell install"));
            Optional<Installation.Record> replaced = Installation.install(from, to, VersionProvider.version());
            out.println("Installed sockshell " + VersionProvider.version() + " in " + to
                    + replaced.map(old -> " (replacing " + old.version() + ")").orElse("") + ".");
            advise(out, to);
        });
    }

    /** What to do next: PATH, completion, the manual, and how to remove it again. */
    private static void advise(PrintWriter out, Path prefix) {
        Path bin = prefix.resolve("bin");
        String path = System.getenv("PATH");
        boolean onPath = path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(entry -> !entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(bin));
        if (!onPath) {
            out.println("Add " + bin + " to your PATH, in ~/.bashrc or ~/.zshrc: export PATH=\"" + bin + ":$PATH\"");
        }
        Path completion = prefix.resolve("share/bash-completion/completions/sockshell");
        out.println("Completion: bash loads it by itself where the bash-completion package is installed;"
                + " otherwise, and in zsh, add to ~/.bashrc or ~/.zshrc: source " + completion);
        out.println("The manual: man sockshell (man looks in " + prefix.resolve("share/man") + " once "
                + bin + " is on the PATH).");
        out.println("To remove it: sockshell uninstall" + (prefix.equals(new PrefixOption().resolved()) ? "" : " --prefix " + prefix));
    }
}
