package io.sockshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Backends;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/diagrams is what {@code sockshell diagram --docs} makes of the lessons now, as docs/commands.md is for the commands. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiagramDocsTest {
    private static final String REGENERATE = "docs/diagrams is stale: regenerate it with ./sockshell diagram --docs";

    @Test
    void committedDiagramsMatchTheLessons() throws Exception {
        Map<String, String> generated = DiagramDocs.generate();
        Set<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.list(DiagramDocs.FOLDER)) {
            files.forEach(file -> committed.add(file.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(generated.keySet()), committed, REGENERATE);
        boolean drawnHere = Backends.name().equals(DiagramDocs.BACKEND);
        if (!drawnHere) {
            System.out.println("diagrams/docs: drawn on the " + DiagramDocs.BACKEND + " backend; on " + Backends.name()
                    + " only that each is there is checked");
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String text = Files.readString(DiagramDocs.FOLDER.resolve(file.getKey()), StandardCharsets.UTF_8);
            boolean live = !drawnHere && file.getKey().endsWith(".svg") || DiagramDocs.LIVE_DATA.contains(file.getKey().replaceAll("\\.svg$", ".t"));
            if (live ? !text.startsWith("<svg ") : !text.equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        assertEquals(List.of(), stale, REGENERATE);
    }

    @Test
    void everyLessonHasADiagramAndEveryReplayPairShowsBothPrograms() throws Exception {
        List<Path> lessons = DiagramDocs.lessons();
        assertTrue(lessons.size() >= 10, "lessons: " + lessons);
        for (String pair : List.of("replay-echo-pair", "replay-w-ps", "replay-nonblocking-pair", "replay-select-pair",
                "replay-poll-pair", "replay-unix-echo-pair")) {
            String svg = Files.readString(DiagramDocs.FOLDER.resolve(pair + ".svg"), StandardCharsets.UTF_8);
            long parties = svg.lines().filter(line -> line.startsWith("<rect class=\"party\"")).count();
            assertTrue(parties >= 2, pair + " shows " + parties + " programs");
            assertTrue(svg.contains("class=\"active\""), pair + " shows no call that waited");
        }
    }
}
