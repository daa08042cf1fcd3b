package io.sockshell.cli;

import io.sockshell.support.Finished;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tab completion as bash does it: sources a completion script, looks up the function that
 * {@code complete} registered for sockshell, sets COMP_WORDS, COMP_CWORD, COMP_LINE and
 * COMP_POINT for a command line typed so far, calls the function as bash would, and reads
 * COMPREPLY.
 */
final class BashCompletion {
    private static final String DRIVER = String.join("\n",
            "source \"$1\" || exit 3",
            "spec=\"$(complete -p sockshell)\" || exit 4",
            "function=\"${spec##*-F }\"; function=\"${function%% *}\"",
            "shift",
            "COMP_WORDS=(\"$@\")",
            "COMP_CWORD=$(( $# - 1 ))",
            "COMP_LINE=\"$*\"",
            "COMP_POINT=${#COMP_LINE}",
            "\"$function\" sockshell \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"",
            "printf '%s\\n' \"${COMPREPLY[@]}\"");

    private final Path script;
    private final Path folder;

    /** Completion by {@code script}, in {@code folder} (where file names are completed from). */
    BashCompletion(Path script, Path folder) {
        this.script = script;
        this.folder = folder;
    }

    /**
     * The candidates bash offers for {@code line}, the command line typed so far (words split
     * at spaces; a line ending in a space completes a new, empty word), sorted.
     */
    TreeSet<String> candidates(String line) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", DRIVER, "driver",
                script.toString()));
        command.addAll(List.of(line.split(" ", -1)));
        Finished bash = Finished.run(new ProcessBuilder(command).directory(folder.toFile()));
        if (bash.exitCode() != 0) {
            throw new AssertionError("completing '" + line + "' failed: " + bash);
        }
        TreeSet<String> candidates = new TreeSet<>(bash.stdout().lines().toList());
        candidates.remove("");
        return candidates;
    }
}
