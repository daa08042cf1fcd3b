package io.sockshell.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScriptTest {
    @Test
    void snippetsKeepTheirLinesAndComments() {
        String text = String.join("\n",
                "// first comment",
                "import java.util.List;",
                "",
                "/* block */ var x = 1",
                "    + 2;",
                "// before the loop",
                "while (x < 3) {",
                "    x++;",
                "}",
                "/exit",
                "int never = 0;",
                "// trailing comment",
                "");
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            List<ScriptStep> steps = Script.split(text, jshell.sourceCodeAnalysis());
            assertEquals(5, steps.size());
            assertEquals(new ScriptStep(ScriptStep.Kind.SNIPPET, 2, List.of("// first comment"), "import java.util.List;",
                    "import java.util.List;"), steps.get(0));
            assertEquals(4, steps.get(1).line());
            assertEquals(List.of("/* block */"), steps.get(1).comment());
            assertEquals("var x = 1\n    + 2;", steps.get(1).code());
            assertEquals(7, steps.get(2).line());
            assertEquals(9, steps.get(2).scriptLine(3));
            assertEquals(new ScriptStep(ScriptStep.Kind.COMMAND, 10, List.of(), "/exit", "/exit"), steps.get(3));
            assertEquals(11, steps.get(4).line());
        }
    }

    @Test
    void aScriptCutOffMidSnippetEndsInAnUnfinishedStep() {
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            List<ScriptStep> steps = Script.split("int a = 1;\nfor (;;) {\n  a++;\n", jshell.sourceCodeAnalysis());
            assertEquals(ScriptStep.Kind.UNFINISHED, steps.get(1).kind());
            assertEquals(2, steps.get(1).line());
        }
    }
}
