package io.sockshell.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.diagram.RecordedRuns;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a shell records of real calls on loopback: lifelines joined by their addresses, which
 * calls blocked and what released them, and a close that was a reset. Each case runs many
 * times, since a background job's thread records its end whenever it gets to run: the answers
 * must not depend on when that is.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordedReleasesTest {
    private static final int RUNS = 20;

    @Test
    void anAcceptInTheBackgroundIsReleasedByTheClientsConnect() {
        for (int run = 0; run < RUNS; run++) {
            Conversation conversation = record("socket s", "bind s 127.0.0.1 0", "listen s 1", "accept s conn &",
                    "socket c", "connect c localhost s.port", "wait", "close c conn s");
            Call accept = only(conversation, Op.ACCEPT);
            Call connect = only(conversation, Op.CONNECT);
            assertTrue(conversation.blocked(accept));
            assertEquals(connect, conversation.releasedBy(accept));
            assertEquals(accept.socket(), conversation.counterpart(connect), "the connect reaches the listener");
            assertEquals(lifeline(conversation, "c"), conversation.peer(lifeline(conversation, "conn")));
        }
    }

    @Test
    void aRecvWaitsForTheSendThatBroughtItsBytes() {
        for (int run = 0; run < RUNS; run++) {
            Conversation conversation = record(connectedPair("recv c 100 &", "send conn \"hello\"", "wait"));
            Call recv = only(conversation, Op.RECV);
            Call send = only(conversation, Op.SEND);
            assertTrue(conversation.blocked(recv));
            assertEquals(send, conversation.releasedBy(recv));
            assertEquals(5, recv.bytes());
            assertEquals("hello", new String(recv.preview()));
        }
    }

    @Test
    void aRecvWhoseBytesHadArrivedDidNotWait() {
        for (int run = 0; run < RUNS; run++) {
            Conversation conversation = record(connectedPair("send conn \"hello\"", "recv c 100 &", "socket other",
                    "close other", "wait"));
            Call recv = only(conversation, Op.RECV);
            assertFalse(conversation.blocked(recv), "the bytes were there when recv began");
        }
    }

    @Test
    void aRecvThatMeetsTheEndOfTheStreamIsReleasedByTheClose() {
        for (int run = 0; run < RUNS; run++) {
            Conversation conversation = record(connectedPair("recv c 100 &", "close conn", "wait"));
            Call recv = only(conversation, Op.RECV);
            assertTrue(recv.endOfStream());
            assertEquals(Op.CLOSE, conversation.releasedBy(recv).op());
        }
    }

    @Test
    void closingWithUnreadDataIsAReset() {
        Conversation conversation = record(connectedPair("send c \"unread\"", "recv c 10 &", "close conn", "wait"));
        Call close = conversation.calls().stream().filter(call -> call.op() == Op.CLOSE).findFirst().orElseThrow();
        Call recv = only(conversation, Op.RECV);
        assertEquals("ConnectionResetError", recv.errorClass(), "the peer's recv after a reset");
        assertTrue(conversation.reset(close));
    }

    @Test
    void aFileReadIsOneCallWithItsBytesAddedUp() {
        Conversation conversation = record(connectedPair("send conn \"x\"*100000", "close conn", "makefile c f rb",
                "read f"));
        List<Call> reads = conversation.calls().stream().filter(call -> call.op() == Op.RECV).toList();
        assertEquals(1, reads.size(), "one read, however many recv calls it made");
        assertEquals(100000, reads.get(0).bytes());
        assertTrue(reads.get(0).endOfStream());
        assertEquals("read", reads.get(0).name());
        assertEquals("", reads.get(0).arguments(), "the recv sizes a file chooses are not the user's arguments");
        assertTrue(reads.get(0).engineCalls() > 1);
    }

    @Test
    void nothingIsRecordedUntilAsked() {
        StringWriter printed = new StringWriter();
        PrintWriter writer = new PrintWriter(printed, true);
        try (Session session = new Session(writer, writer)) {
            session.execute("socket s");
            session.execute("bind s 127.0.0.1 0");
            assertTrue(session.recordedCalls().isEmpty());
            session.execute("set diagram on");
            session.execute("listen s 1");
            session.execute("set diagram off");
            session.execute("close s");
            List<Call> calls = session.recordedCalls().calls();
            assertEquals(1, calls.size(), calls.toString());
            assertEquals(Op.LISTEN, calls.get(0).op());
            assertNotNull(session.recordedCalls().lifeline(calls.get(0).socket()).local(),
                    "a socket bound before recording began still has its address");
        }
    }

    private static String[] connectedPair(String... then) {
        String[] setUp = {"socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c localhost s.port",
            "accept s conn"};
        String[] lines = new String[setUp.length + then.length + 1];
        System.arraycopy(setUp, 0, lines, 0, setUp.length);
        System.arraycopy(then, 0, lines, setUp.length, then.length);
        lines[lines.length - 1] = "close c s";
        return lines;
    }

    private static Conversation record(String... lines) {
        return RecordedRuns.session(lines);
    }

    private static Call only(Conversation conversation, Op op) {
        List<Call> found = conversation.calls().stream().filter(call -> call.op() == op).toList();
        assertEquals(1, found.size(), op + " calls: " + found);
        return found.get(0);
    }

    private static int lifeline(Conversation conversation, String name) {
        return conversation.lifelines().stream().filter(lifeline -> name.equals(lifeline.name())).findFirst()
                .orElseThrow().id();
    }
}
