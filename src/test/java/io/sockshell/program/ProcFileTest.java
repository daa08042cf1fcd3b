package io.sockshell.program;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A kept-open /proc file gives its whole text at every read, in one read when it fits. */
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
}
