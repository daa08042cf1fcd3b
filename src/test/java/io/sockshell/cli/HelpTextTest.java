package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's description, header, footer and exit-code list is a valid format string.
 * Picocli and its man-page generator pass each through {@code String.format}: a bare '%' makes
 * {@code --help} print a warning and the man-page generator drop every page after it. (Option
 * descriptions come back from picocli with '%%' already resolved, so they are not checked here.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HelpTextTest {
    @Test
    void everyHelpTextFormatsWithoutError() {
        List<String> texts = new ArrayList<>();
        collect(Main.commandLine(), texts);
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertDoesNotThrow(() -> String.format(text), () -> "not a valid format string: " + text);
        }
    }

    private static void collect(CommandLine line, List<String> texts) {
        CommandSpec spec = line.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        texts.addAll(List.of(usage.description()));
        texts.addAll(List.of(usage.header()));
        texts.addAll(List.of(usage.footer()));
        texts.addAll(usage.exitCodeList().values());
        line.getSubcommands().values().forEach(sub -> collect(sub, texts));
    }
}
