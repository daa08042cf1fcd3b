package io.sockshell.diagram;

import io.sockshell.conversation.Conversation;
import io.sockshell.conversation.Endpoint;
import io.sockshell.conversation.Op;
import io.sockshell.conversation.Recorder;
import io.sockshell.conversation.Source;
import java.nio.charset.StandardCharsets;

/**
 * A conversation whose every text came from someone hostile: party and socket names, hosts,
 * arguments, errors, data and a source file, each holding markup, Mermaid syntax, newlines and
 * a terminal escape. Real sessions cannot name things like this (their names are checked); a
 * script's file name, a party's prompt or a peer's data can carry any of it.
 */
final class Hostile {
    static final String TEXT = "</text><script>alert(1)</script>--> %% ;#x \n\u001b[31mred\u001b[0m & \"q\" 'a' {b}"
            + "\r\u2028\u202e";

    private Hostile() {
    }

    static Conversation conversation() {
        Recorder recorder = new Recorder();
        String server = "server" + TEXT;
        String client = "client" + TEXT;
        int listener = recorder.socket(server, "s" + TEXT, true);
        recorder.addresses(listener, new Endpoint("0.0.0.0", 5000), null);
        recorder.listening(listener);
        int sock = recorder.socket(client, TEXT, true);
        recorder.addresses(sock, new Endpoint("127.0.0.1", 40000), new Endpoint("127.0.0.1", 5000));
        int conn = recorder.socket(server, null, true);
        recorder.addresses(conn, new Endpoint("127.0.0.1", 5000), new Endpoint("127.0.0.1", 40000));
        recorder.acceptedFrom(conn, listener);
        Source source = new Source("scripts/" + TEXT + ".jsh", 7);

        call(recorder, server, listener, Op.LISTEN, "listen" + TEXT, TEXT, source, null);
        Recorder.Scope connect = recorder.scope(client, "connect" + TEXT, TEXT, source, false);
        Recorder.Draft dialled = recorder.begin(connect, sock, Op.CONNECT, "connect" + TEXT, TEXT);
        dialled.target(new Endpoint(TEXT, 5000));
        recorder.end(dialled);
        Recorder.Scope accept = recorder.scope(server, "accept", TEXT, source, false);
        Recorder.Draft accepted = recorder.begin(accept, listener, Op.ACCEPT, "accept", "");
        accepted.created(conn);
        accepted.target(new Endpoint("127.0.0.1", 40000));
        recorder.end(accepted);
        for (int i = 0; i < 2; i++) {
            Recorder.Scope send = recorder.scope(client, "send", TEXT, source, false);
            Recorder.Draft sent = recorder.begin(send, sock, Op.SEND, "send", TEXT);
            byte[] data = TEXT.getBytes(StandardCharsets.UTF_8);
            sent.moved(data, 0, Math.min(data.length, Recorder.PREVIEW_BYTES));
            recorder.end(sent);
        }
        call(recorder, server, conn, Op.RECV, "recv", "1024", source, "ConnectionResetError" + TEXT);
        recorder.mark(TEXT);
        return recorder.snapshot();
    }

    private static void call(Recorder recorder, String party, int socket, Op op, String name, String arguments,
            Source source, String error) {
        Recorder.Scope scope = recorder.scope(party, name, TEXT, source, false);
        Recorder.Draft draft = recorder.begin(scope, socket, op, name, arguments);
        if (error != null) {
            draft.failed(error, error + ": " + TEXT);
        }
        recorder.end(draft);
    }
}
