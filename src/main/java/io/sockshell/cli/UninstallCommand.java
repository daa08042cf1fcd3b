package io.sockshell.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sockshell uninstall}: removes what install put under a prefix, and nothing else. */
@Command(name = "uninstall",
        description = "Remove the sockshell installed under a prefix: exactly what install put there.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:removed", "1:not installed there, or it could not be removed", "2:usage error"})
final class UninstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PrefixOption prefix;

    @Override
    public Integer call() {
        return Installation.report(spec, prefix.resolved(), (from, out) -> {
            Installation.Record removed = Installation.uninstall(from);
            out.println("Removed sockshell " + removed.version() + " from " + from + ".");
        });
    }
}
