package io.sockshell.diagram;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Recorder;
import io.sockshell.session.Session;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Conversations recorded from real shell sessions on loopback, for the renderers' tests. */
public final class RecordedRuns {
    /** The tutorial's echo pair (tms.py and tmc.py) in one shell, the client's recv waiting for the server's send. */
    static final String[] ECHO_PAIR = {
        "socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "accept s conn &", "connect c localhost s.port",
        "wait", "send c \"abc\"", "recv conn 1024", "recv c 1000000 &", "send conn \"abc\"*100", "close conn", "wait",
        "recv c 1000000", "close c", "close s"};

    private RecordedRuns() {
    }

    /** Runs {@code lines} in a shell that records its calls, and returns what it recorded. */
    public static Conversation session(String... lines) {
        StringWriter printed = new StringWriter();
        PrintWriter writer = new PrintWriter(printed, true);
        try (Session session = new Session(writer, writer)) {
            Recorder recorder = new Recorder();
            session.recordInto(recorder, "sockshell");
            for (String line : lines) {
                session.execute(line);
            }
            return recorder.snapshot();
        }
    }

    /** {@code pairs} send-and-receive exchanges of one byte over one connection. */
    static String[] exchanges(int pairs) {
        String[] lines = new String[6 + pairs * 2 + 1];
        String[] setUp = {"socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c localhost s.port",
            "accept s conn"};
        System.arraycopy(setUp, 0, lines, 0, setUp.length);
        for (int i = 0; i < pairs; i++) {
            lines[6 + 2 * i] = "send c \"x\"";
            lines[7 + 2 * i] = "recv conn 1024";
        }
        lines[lines.length - 1] = "close c conn s";
        return lines;
    }
}
