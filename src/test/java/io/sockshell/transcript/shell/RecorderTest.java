package io.sockshell.transcript.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Parties;
import io.sockshell.engine.SockError;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import io.sockshell.transcript.TranscriptResult;
import io.sockshell.transcript.TranscriptRunner;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A recorded session replays: ports the system chose become captures, typed ones stay. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecorderTest {
    private static void type(Recorder recorder, String line) {
        recorder.command(line);
        recorder.session().execute(line);
    }

    @Test
    void aRecordedSessionPassesCheckUnchanged() throws TranscriptError, SockError {
        String text;
        try (Recorder recorder = new Recorder(new PrintWriter(Writer.nullWriter()))) {
            type(recorder, "# the echo exchange in one shell");
            type(recorder, "socket s");
            type(recorder, "bind s \"\" 0");
            type(recorder, "listen s 1");
            type(recorder, "getsockname s");
            int port = recorder.session().table().socket("s").getsockname().port();
            type(recorder, "socket c");
            type(recorder, "connect c localhost " + port);
            type(recorder, "accept s conn");
            type(recorder, "recv c 1024 &");
            type(recorder, "send conn \"abc\"*10");
            type(recorder, "wait");
            type(recorder, "");
            type(recorder, "sockets");
            type(recorder, "help recv");
            type(recorder, "close conn c");
            type(recorder, "exit");
            // The recv job may have finished before wait was typed: then the recording waits for
            // it there, one step more.
            assertTrue(recorder.steps() == 13 || recorder.steps() == 14, "steps: " + recorder.steps());
            text = recorder.transcript();
        }
        List<String> lines = List.of(text.split("\n"));
        assertTrue(lines.contains("# the echo exchange in one shell"), text);
        assertTrue(lines.contains("('0.0.0.0', [[s_port:\\d+]])"), text);
        assertTrue(lines.contains("sockshell> connect c localhost [[s_port]]"), text);
        assertTrue(lines.contains("('127.0.0.1', [[c_port:\\d+]])"), text);
        assertTrue(lines.contains("\\"), "help's blank lines are escaped: " + text);
        assertTrue(lines.contains("sockshell: socket s still open"), text);
        assertTrue(lines.stream().noneMatch(line -> line.contains("exit")), text);
        for (int replay = 0; replay < 2; replay++) {
            TranscriptResult result = new TranscriptRunner(Parties.all(), 5)
                    .run(Transcript.parse(Path.of("recorded.t"), text));
            assertTrue(result.passed(), result.failureReport());
        }
    }

    @Test
    void aPortTheUserTypedStaysAsTyped() throws TranscriptError, SockError {
        String text;
        try (Recorder recorder = new Recorder(new PrintWriter(Writer.nullWriter()))) {
            type(recorder, "socket probe");
            type(recorder, "bind probe \"\" 0");
            int port = recorder.session().table().socket("probe").getsockname().port();
            type(recorder, "close probe");
            type(recorder, "socket s");
            type(recorder, "bind s 127.0.0.1 " + port);
            type(recorder, "getsockname s");
            type(recorder, "close s");
            text = recorder.transcript();
            assertTrue(text.contains("('127.0.0.1', " + port + ")"), text);
        }
    }
}
