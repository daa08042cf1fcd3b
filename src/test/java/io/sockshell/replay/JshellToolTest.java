package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.Keyboard;
import io.sockshell.support.TextSink;
import io.sockshell.support.Waits;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sockshell jshell} as a person types into it: the JDK's own JShell tool on a keyboard
 * stream, where the Ctrl-C character stops the snippet running, as at a terminal.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JshellToolTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PROMPT = "jshell> ";
    private static final String CTRL_C = "\u0003";

    private final Keyboard keyboard = new Keyboard();
    private final TextSink screen = new TextSink();
    private int prompts;

    private String awaitPrompt() {
        return screen.awaitCount(PROMPT, ++prompts, BOUND);
    }

    /** Types a snippet and returns what it printed up to the next prompt. */
    private String enter(String snippet) {
        int from = screen.text().length();
        keyboard.type(snippet + "\n");
        String shown = awaitPrompt().substring(from);
        return shown.substring(0, shown.lastIndexOf(PROMPT));
    }

    @Test
    void ctrlCInASocketWaitRaisesKeyboardInterruptAndPythonErrorsAreOneLine() throws Exception {
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> jshell = CompletableFuture.supplyAsync(() -> {
            try {
                return JshellTool.run(keyboard, out, out, List.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            awaitPrompt();
            enter("var s = socket(AF_INET, SOCK_STREAM)");
            enter("s.bind(addr(\"127.0.0.1\", 0))");
            enter("s.listen(1)");
            int from = screen.text().length();
            keyboard.type("var a = s.accept()\n");
            Waits.untilSomeThreadBlocked(BOUND);
            keyboard.type(CTRL_C);
            String interrupted = awaitPrompt().substring(from);
            assertTrue(interrupted.contains("|  Exception KeyboardInterrupt\n"), interrupted);
            assertFalse(interrupted.contains("==>"), "the snippet raised, it did not end with a value: " + interrupted);

            String error = enter("s.bind(addr(\"127.0.0.1\", 0))");
            assertEquals(List.of("s.bind(addr(\"127.0.0.1\", 0))", "|  Exception OSError: [Errno 22] Invalid argument"),
                    lines(error), "the snippet's echo, then one line: " + error);

            enter("String caught = \"\"");
            enter("try { s.bind(addr(\"127.0.0.1\", 0)); } catch (OSError e) { caught = e.getMessage(); }");
            String caught = enter("caught");
            assertTrue(caught.contains("caught ==> \"OSError: [Errno 22] Invalid argument\""),
                    "a script still catches it: " + caught);

            String java = enter("Integer.parseInt(\"x\")");
            assertTrue(java.contains("java.lang.NumberFormatException") && java.contains("at "),
                    "a Java exception keeps its trace: " + java);

            enter("s.close()");
            keyboard.type("/exit\n");
            assertEquals(0, jshell.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        } finally {
            keyboard.close();
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::stripTrailing).filter(line -> !line.isEmpty()).toList();
    }
}
