package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;

/**
 * The completion script the distribution ships, generated here the way the build generates it
 * (Picocli's AutoComplete on the command model), run by bash's completion machinery: the
 * subcommands, their options and option values, and file names where a command takes files.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompletionTest {
    @TempDir
    Path folder;

    private BashCompletion bash;

    @BeforeEach
    void generateTheScript() throws IOException {
        Path script = folder.resolve("sockshell_completion");
        Files.writeString(script, AutoComplete.bash("sockshell", Main.commandLine()));
        Path files = Files.createDirectory(folder.resolve("work"));
        Files.createDirectory(files.resolve("transcripts"));
        Files.writeString(files.resolve("echo.t"), "");
        Files.writeString(files.resolve("tms.jsh"), "");
        bash = new BashCompletion(script, files);
    }

    @Test
    void completesTheSubcommands() throws Exception {
        assertEquals(Set.of("run", "check", "record", "replay", "jshell", "reference", "install", "uninstall", "diagram", "export"),
                bash.candidates("sockshell "));
        assertEquals(Set.of("record", "reference", "replay"), bash.candidates("sockshell re"));
        assertEquals(Set.of("install"), bash.candidates("sockshell ins"));
    }

    @Test
    void completesTheOptionsOfTheShellAndOfASubcommand() throws Exception {
        assertEquals(Set.of("--version"), bash.candidates("sockshell --vers"));
        TreeSet<String> check = bash.candidates("sockshell check --");
        assertTrue(check.containsAll(Set.of("--update", "--jobs", "--repeat", "--busy", "--timeout", "--help")), check.toString());
        assertEquals(Set.of("--prefix"), bash.candidates("sockshell install --pre"));
    }

    @Test
    void completesTheValuesOfAnOptionWithAFixedSet() throws Exception {
        assertEquals(Set.of("auto", "always", "never"), bash.candidates("sockshell replay --color "));
    }

    @Test
    void completesFileNamesWhereACommandTakesFiles() throws Exception {
        Set<String> everything = Set.of("echo.t", "tms.jsh", "transcripts");
        assertEquals(everything, bash.candidates("sockshell check "));
        assertEquals(Set.of("transcripts"), bash.candidates("sockshell check tr"));
        assertEquals(Set.of("echo.t"), bash.candidates("sockshell check --repeat 5 e"));
        assertEquals(everything, bash.candidates("sockshell run "));
        assertEquals(Set.of("tms.jsh", "transcripts"), bash.candidates("sockshell replay t"));
        assertEquals(Set.of("transcripts"), bash.candidates("sockshell install --prefix tr"));
        assertEquals(Set.of("transcripts"), bash.candidates("sockshell uninstall --prefix tr"));
    }
}
