package io.sockshell.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Recorder;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code trace kernel} on, what the kernel changed after each command is a note in every
 * format, beside the socket it is about, or over the party when no socket of the party holds
 * the kernel's row (the far end of a connection); with it off, a diagram has no note.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelNotesTest {
    /** The client closes first: its end goes to FIN_WAIT2, the server's to CLOSE_WAIT, states that stay. */
    static final String[] CLIENT_CLOSES_FIRST = {
        "socket s", "bind s 127.0.0.1 0", "listen s 1", "trace kernel on", "socket c", "connect c localhost s.port",
        "accept s conn", "close c", "recv conn 1024", "close conn", "close s"};
    private static final Conversation NOTED = RecordedRuns.session(CLIENT_CLOSES_FIRST);

    @Test
    void theTextDiagramWritesEachChangeBesideItsSocket() {
        List<String> lines = List.of(TextDiagramTest.draw(NOTED, false, 140).split("\n"));
        String names = lines.get(0);
        int c = names.lastIndexOf('c');
        int s = names.indexOf('s');
        int close = indexOf(lines, "close (FIN)");
        int finWait = indexOf(lines, "kernel: (closed c) ESTABLISHED -> FIN_WAIT2");
        assertTrue(close < finWait, String.join("\n", lines));
        assertEquals(c + 2, lines.get(finWait).indexOf("kernel:"), "beside c's lifeline:\n" + String.join("\n", lines));
        int queued = indexOf(lines, "kernel: s accept queue 1/1");
        assertEquals(s + 2, lines.get(queued).indexOf("kernel:"), "beside s's lifeline:\n" + String.join("\n", lines));
        assertTrue(indexOf(lines, "connect localhost:PORT") < queued, String.join("\n", lines));
        assertTrue(indexOf(lines, "kernel: conn ESTABLISHED -> CLOSE_WAIT") < indexOf(lines, "recv 1024 → b''"),
                String.join("\n", lines));
        String ascii = TextDiagramTest.draw(NOTED, true, 140);
        assertTrue(ascii.contains("kernel: (closed c) ESTABLISHED -> FIN_WAIT2"), ascii);
    }

    @Test
    void mermaidPutsEachChangeOverItsSocket() {
        String mermaid = new MermaidDiagram().draw(Scene.of(NOTED, true));
        assertTrue(mermaid.contains("    Note over p2: kernel: (closed c) ESTABLISHED -#gt; FIN_WAIT2\n"), mermaid);
        assertTrue(mermaid.contains("    Note over p0: kernel: s accept queue 1/1\n"), mermaid);
        assertTrue(mermaid.contains("    Note over p1: kernel: conn ESTABLISHED -#gt; CLOSE_WAIT\n"), mermaid);
    }

    @Test
    void svgAndHtmlDrawEachChangeAsANote() throws Exception {
        String svg = new SvgDiagram("kernel notes", null).draw(Scene.of(NOTED, true));
        assertTrue(svg.contains("class=\"note\"") && svg.contains(".note{"), svg);
        assertTrue(svg.contains(">kernel: (closed c) ESTABLISHED -&gt; FIN_WAIT2</text>"), svg);
        SvgRenderTest.rendersWithTextDrawn(svg, 12);
        String html = HtmlPage.draw(Scene.of(NOTED, true), "kernel notes", List.of());
        assertTrue(html.contains(">kernel: conn ESTABLISHED -&gt; CLOSE_WAIT</text>"), html);
    }

    @Test
    void aChangeNoSocketOfThePartyHoldsIsANoteOverTheParty() {
        Recorder recorder = new Recorder();
        StringWriter printed = new StringWriter();
        PrintWriter writer = new PrintWriter(printed, true);
        try (Session server = new Session(writer, writer); Session client = new Session(writer, writer)) {
            server.recordInto(recorder, "server");
            client.recordInto(recorder, "client");
            for (String line : List.of("socket s", "bind s 127.0.0.1 0", "listen s 1", "getsockname s")) {
                server.execute(line);
            }
            Matcher port = Pattern.compile("\\('127\\.0\\.0\\.1', (\\d+)\\)").matcher(printed.toString());
            assertTrue(port.find(), printed.toString());
            client.execute("socket c");
            client.execute("connect c 127.0.0.1 " + port.group(1));
            server.execute("accept s conn");
            server.execute("trace kernel on");
            client.execute("close c");
            server.execute("getsockname s");
            assertTrue(printed.toString().contains("| kernel: (peer of conn) ESTABLISHED -> FIN_WAIT2"), printed.toString());
            server.execute("close conn s");
        }
        String mermaid = new MermaidDiagram().draw(Scene.of(recorder.snapshot(), true));
        assertTrue(mermaid.contains("    Note over p0,p1: kernel: (peer of conn) ESTABLISHED -#gt; FIN_WAIT2\n"), mermaid);
        assertTrue(mermaid.contains("    Note over p1: kernel: conn ESTABLISHED -#gt; CLOSE_WAIT\n"), mermaid);
    }

    @Test
    void repeatedExchangesWithTheirNotesStillFoldIntoALoop() {
        String[] exchanges = RecordedRuns.exchanges(20);
        String[] traced = new String[exchanges.length + 1];
        System.arraycopy(exchanges, 0, traced, 0, 6);
        traced[6] = "trace kernel on";
        System.arraycopy(exchanges, 6, traced, 7, exchanges.length - 6);
        String drawn = TextDiagramTest.draw(RecordedRuns.session(traced), false, 140);
        assertTrue(drawn.contains("loop 20 x: send 1 B, recv 1024 → 1 B"), drawn);
        assertEquals(1, drawn.split("kernel: conn RECV-Q 1", -1).length - 1, drawn);
    }

    @Test
    void withTheKernelViewOffThereIsNoNote() {
        String[] untraced = CLIENT_CLOSES_FIRST.clone();
        untraced[3] = "trace kernel off";
        Conversation conversation = RecordedRuns.session(untraced);
        assertEquals(List.of(), conversation.notes());
        assertFalse(TextDiagramTest.draw(conversation, false, 140).contains("kernel:"));
        String svg = new SvgDiagram("no notes", null).draw(Scene.of(conversation, true));
        assertFalse(svg.contains(".note{"), "the notes' style only where there are notes");
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
