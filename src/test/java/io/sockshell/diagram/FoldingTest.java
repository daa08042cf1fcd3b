package io.sockshell.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Op;
import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FoldingTest {
    @Test
    void repeatedExchangesOfARealSessionFoldIntoOneLoop() {
        Conversation conversation = RecordedRuns.session(RecordedRuns.exchanges(50));
        Scene scene = Scene.of(conversation, true);
        List<Scene.LoopStart> loops = scene.rows().stream().filter(Scene.LoopStart.class::isInstance)
                .map(Scene.LoopStart.class::cast).toList();
        assertEquals(1, loops.size(), TextDiagramTest.draw(conversation, false, 100));
        assertEquals(50, loops.get(0).times());
        assertEquals("send 1 B, recv 1024 → 1 B", loops.get(0).summary());
        assertTrue(TextDiagramTest.draw(conversation, false, 100).contains("loop 50 x: send 1 B, recv 1024 → 1 B"));
    }

    /** 100,000 steps drawn in every format; the time each took is printed, not asserted. */
    @Test
    void aHundredThousandStepsFoldAndDraw() {
        Conversation conversation = generated(50_000);
        for (Diagrams.Format format : Diagrams.Format.values()) {
            long started = System.nanoTime();
            String drawn = Diagrams.draw(conversation, new Diagrams.Settings(format, false, 100, true, "100000 steps",
                    null, List.of()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("100,000 steps drawn as " + format + " in " + millis + " ms (" + drawn.length() + " chars)");
            assertTrue(drawn.contains("50000 x"), format + ": the exchanges are not folded");
            assertTrue(drawn.length() < 20_000, format + " is not folded: " + drawn.length() + " chars");
        }
    }

    @Test
    void dataThatDiffersEachTimeIsLeftOutOfTheLoop() {
        Recorder recorder = new Recorder();
        int c = connected(recorder);
        for (int i = 0; i < 5; i++) {
            send(recorder, c, new byte[] {(byte) ('a' + i)});
        }
        String drawn = TextDiagramTest.draw(recorder.snapshot(), false, 100);
        assertTrue(drawn.contains("loop 5 x: send 1 B"), drawn);
        assertTrue(!drawn.contains("b'a'"), "a preview of one repetition stands for all of them:\n" + drawn);
    }

    /** A client and an accepted connection, then {@code pairs} one-byte sends each way recorded as a shell records them. */
    static Conversation generated(int pairs) {
        Recorder recorder = new Recorder();
        int c = connected(recorder);
        int conn = 1;
        for (int i = 0; i < pairs; i++) {
            send(recorder, c, new byte[] {'x'});
            Recorder.Scope scope = recorder.scope("sockshell", "recv", "recv conn 1024", null, false);
            Recorder.Draft draft = recorder.begin(scope, conn, Op.RECV, "recv", "1024");
            draft.moved(new byte[] {'x'}, 0, 1);
            recorder.end(draft);
        }
        return recorder.snapshot();
    }

    private static int connected(Recorder recorder) {
        int c = recorder.socket("sockshell", "c", true);
        int conn = recorder.socket("sockshell", "conn", true);
        recorder.addresses(c, new Endpoint("127.0.0.1", 40000), new Endpoint("127.0.0.1", 5000));
        recorder.addresses(conn, new Endpoint("127.0.0.1", 5000), new Endpoint("127.0.0.1", 40000));
        return c;
    }

    private static void send(Recorder recorder, int socket, byte[] data) {
        Recorder.Scope scope = recorder.scope("sockshell", "send", "send c", new Source(null, 0), false);
        Recorder.Draft draft = recorder.begin(scope, socket, Op.SEND, "send", "");
        draft.moved(data, 0, data.length);
        recorder.end(draft);
    }
}
