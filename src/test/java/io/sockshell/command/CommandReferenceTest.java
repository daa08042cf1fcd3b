package io.sockshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CommandReferenceTest {
    @Test
    void committedReferenceMatchesTheCommands() throws IOException {
        PrintWriter sink = new PrintWriter(new StringWriter());
        String generated;
        try (Session session = new Session(sink, sink)) {
            generated = CommandReference.markdown(session.commandTree());
        }
        String committed = Files.readString(Path.of("docs/commands.md"), StandardCharsets.UTF_8);
        assertEquals(generated, committed,
                "docs/commands.md is stale: regenerate it with ./sockshell reference > docs/commands.md");
    }
}
