package io.sockshell.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.conversation.Conversation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextDiagramTest {
    private static final Conversation ECHO = RecordedRuns.session(RecordedRuns.ECHO_PAIR);

    @Test
    void everyLineKeepsToTheWidthFromNarrowToWide() {
        for (int width = 30; width <= 200; width += 7) {
            for (boolean ascii : new boolean[] {false, true}) {
                String drawn = draw(ECHO, ascii, width);
                for (String line : drawn.split("\n")) {
                    assertTrue(line.length() <= width, "width " + width + (ascii ? " ascii" : "") + ": " + line);
                }
            }
        }
    }

    @Test
    void theAcceptWaitsForTheConnectAndTheRecvForTheSend() {
        List<String> lines = List.of(draw(ECHO, false, 100).split("\n"));
        int acceptWaits = indexOf(lines, "accept (blocks)");
        int connect = indexOf(lines, "connect localhost:PORT");
        int accepted = indexOf(lines, "accept → conn 127.0.0.1:EPH1");
        assertTrue(acceptWaits < connect && connect < accepted, String.join("\n", lines));
        assertTrue(lines.get(connect).contains("┃"), "the accept's lifeline is heavy while it waits: " + lines.get(connect));
        int recvWaits = indexOf(lines, "recv 1000000 (blocks)");
        int send = indexOf(lines, "send 300 B");
        int received = indexOf(lines, "recv 1000000 → 300 B");
        assertTrue(recvWaits < send && send == received - 1, String.join("\n", lines));
        assertTrue(lines.get(indexOf(lines, "close (FIN)")).contains("╌"), "a close is a dashed FIN");
    }

    @Test
    void asciiIsAllAscii() {
        String drawn = draw(ECHO, true, 90) + draw(Hostile.conversation(), true, 90);
        for (char c : drawn.toCharArray()) {
            assertTrue(c < 0x7f && (c >= 0x20 || c == '\n'), "not ASCII: " + (int) c);
        }
        assertTrue(drawn.contains("#"), "a blocked call is drawn with #");
    }

    @Test
    void hostileTextCannotReachTheTerminal() {
        for (String drawn : List.of(draw(Hostile.conversation(), false, 120), draw(Hostile.conversation(), true, 120))) {
            for (char c : drawn.toCharArray()) {
                assertFalse(c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u202e',
                        "control character " + (int) c + " in\n" + drawn);
            }
            assertTrue(drawn.contains("\\x1b[31mred"), drawn);
        }
    }

    @Test
    void anEmptyConversationSaysSo() {
        assertEquals("(no socket calls to draw)\n", draw(Conversation.empty(), false, 80));
    }

    static String draw(Conversation conversation, boolean ascii, int width) {
        return Diagrams.draw(conversation, new Diagrams.Settings(Diagrams.Format.TEXT, ascii, width, true, "t", null,
                List.of()));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "' in\n" + String.join("\n", lines));
    }
}
