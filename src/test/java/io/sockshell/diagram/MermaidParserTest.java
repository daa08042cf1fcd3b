package io.sockshell.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.conversation.Conversation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mermaid diagrams pass Mermaid's own parser (the {@code mermaid} npm package, run with
 * node by src/test/mermaid/check.mjs). .ci/run installs it with {@code npm ci} and sets
 * {@code SOCKSHELL_MERMAID_REQUIRED=1}, so there a missing parser fails; elsewhere the test is
 * skipped with the reason printed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MermaidParserTest {
    private static final Path CHECKER = Path.of("src", "test", "mermaid");

    @Test
    void mermaidsOwnParserTakesEveryDiagram(@TempDir Path folder) throws Exception {
        Map<String, Conversation> conversations = new LinkedHashMap<>();
        conversations.put("echo", RecordedRuns.session(RecordedRuns.ECHO_PAIR));
        conversations.put("folded", FoldingTest.generated(100));
        conversations.put("hostile", Hostile.conversation());
        conversations.put("kernel-notes", RecordedRuns.session(KernelNotesTest.CLIENT_CLOSES_FIRST));
        conversations.put("empty", Conversation.empty());
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, Conversation> entry : conversations.entrySet()) {
            String mermaid = new MermaidDiagram().draw(Scene.of(entry.getValue(), true));
            Path file = folder.resolve(entry.getKey() + ".mmd");
            Files.writeString(file, mermaid, StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        String hostile = Files.readString(folder.resolve("hostile.mmd"));
        for (String line : hostile.split("\n")) {
            String withoutEntities = line.replaceAll("#\\w+;", "");
            assertFalse(withoutEntities.contains(";"), "a raw ; ends a Mermaid statement: " + line);
            assertFalse(withoutEntities.contains("%"), "%% starts a Mermaid comment: " + line);
            assertFalse(withoutEntities.contains("<") || withoutEntities.contains("#"), "markup in a Mermaid label: " + line);
        }
        requireParser();
        List<String> command = new ArrayList<>(List.of("node", CHECKER.resolve("check.mjs").toString()));
        command.addAll(files);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(90, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        assertEquals(files.size(), output.lines().filter(line -> line.startsWith("ok ")).count(), output);
    }

    /** Skips with the reason printed, unless CI requires the parser. */
    private static void requireParser() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isDirectory(CHECKER.resolve("node_modules").resolve("mermaid"))) {
            missing = "Mermaid's parser is not installed (npm ci --prefix src/test/mermaid)";
        } else if (!nodeRuns()) {
            missing = "node is not on the PATH";
        }
        if (missing != null) {
            if ("1".equals(System.getenv("SOCKSHELL_MERMAID_REQUIRED"))) {
                throw new AssertionError(missing + ", and SOCKSHELL_MERMAID_REQUIRED=1");
            }
            System.out.println("MermaidParserTest skipped: " + missing);
            Assumptions.abort(missing);
        }
    }

    private static boolean nodeRuns() throws InterruptedException {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
