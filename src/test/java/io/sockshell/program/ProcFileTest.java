package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A kept-open /proc file gives its whole text at every read, in one read when it fits; a thread's files open together or not at all. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcFileTest {
    private static final Path SELF_TASK = Path.of("/proc/thread-self");

    @Test
    void aRecordLongerThanTheFirstBufferComesWholeAndAgain() throws IOException {
        assumeTrue(Files.isDirectory(SELF_TASK), "Linux's /proc");
        try (ProcFile status = ProcFile.open(SELF_TASK.resolve("status"))) {
            for (int read = 0; read < 3; read++) {
                String text = status.read();
                assertTrue(text.length() > 512, "status is longer than the first buffer: " + text.length());
                assertTrue(text.startsWith("Name:\t") && text.endsWith("\n"), text);
                assertTrue(text.contains("\nnonvoluntary_ctxt_switches:"), "its last line: " + text);
            }
        }
    }

    @Test
    void aShortRecordIsTheWholeFile() throws IOException {
        assumeTrue(Files.isDirectory(SELF_TASK), "Linux's /proc");
        try (ProcFile stat = ProcFile.open(SELF_TASK.resolve("stat"))) {
            String text = stat.read();
            String afterName = text.substring(text.lastIndexOf(')') + 2).strip();
            assertTrue(afterName.split(" ").length >= 50, "every field after pid and comm (52 in all since Linux 3.5): " + text);
            assertTrue(text.endsWith("\n"), text);
        }
    }

    /** A thread that ends between the opens of its files leaves none of them open. */
    @Test
    void aThreadGoneHalfwayThroughTheOpensLeavesNothingOpen(@TempDir Path task) throws IOException {
        Files.writeString(task.resolve("syscall"), "0 0x0\n");
        assertThrows(IOException.class, () -> new ThreadFiles(task), "there is no stat");
        List<String> left = openDescriptorTargets().stream().filter(target -> target.startsWith(task.toString())).toList();
        assertEquals(List.of(), left, "descriptors still open");
    }

    private static List<String> openDescriptorTargets() throws IOException {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path entry : entries.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(entry).toString());
                } catch (IOException closedMeanwhile) {
                    // The descriptor that listed the folder, closed by now.
                }
            }
        }
        return targets;
    }
}
