package io.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.session.Session;
import io.sockshell.support.Cleanup;
import io.sockshell.support.Keyboard;
import io.sockshell.support.TextSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion: what the completer offers at each position, from the session's live names. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ShellCompleterTest {
    private final Cleanup cleanup = new Cleanup();
    private final Session session = cleanup.add(new Session(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
    private final ShellCompleter completer = new ShellCompleter(session);
    private LineReader reader;

    @BeforeEach
    void openSocketsAndFiles() throws Exception {
        Terminal terminal = cleanup.add(new DumbTerminal("test", Terminal.TYPE_DUMB, cleanup.add(new Keyboard()),
                new TextSink(), StandardCharsets.UTF_8));
        reader = LineReaderBuilder.builder().terminal(terminal).build();
        for (String line : List.of("socket s", "bind s 127.0.0.1 0", "listen s", "socket c",
                "connect c 127.0.0.1 s.port", "accept s conn", "makefile conn f w", "socket gone", "close gone")) {
            assertEquals(Session.OK, session.execute(line), line);
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        cleanup.closeAll();
    }

    /** The candidates offered with the cursor at the end of {@code typed}. */
    private List<String> complete(String typed) {
        ParsedLine line = new DefaultParser().parse(typed, typed.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void firstWordOffersEveryCommand() {
        List<String> offered = complete("re");
        assertTrue(offered.containsAll(List.of("recv", "recvfrom", "readline", "readlines", "read")), offered::toString);
        assertEquals(session.commandNames(), offered);
    }

    @Test
    void socketArgumentOffersTheSessionsSocketNames() {
        assertEquals(List.of("s", "c", "conn", "gone"), complete("recv "));
        assertEquals(List.of("s", "c", "conn", "gone"), complete("recv co"));
        assertEquals(List.of("s", "c", "conn", "gone"), complete("accept "));
    }

    @Test
    void namesAppearAsSoonAsTheyAreCreated() {
        session.execute("socket late");
        assertTrue(complete("send ").contains("late"));
    }

    @Test
    void fileArgumentOffersFileNames() {
        assertEquals(List.of("f"), complete("readline "));
        assertEquals(List.of("f"), complete("write "));
    }

    @Test
    void closeOffersSocketsAndFiles() {
        assertEquals(List.of("s", "c", "conn", "gone", "f"), complete("close "));
    }

    @Test
    void portPositionOffersPortsOfOpenSockets() {
        assertEquals(List.of("s.port", "c.port", "conn.port"), complete("connect c localhost "));
    }

    @Test
    void hostPositionOffersLoopbackAndTheWildcard() {
        assertEquals(List.of("localhost", "127.0.0.1", "::1", "\"\""), complete("bind s "));
    }

    @Test
    void anAfUnixSocketsPathIsTheUsersToNameAndTakesNoPort() {
        assertEquals(Session.OK, session.execute("socket u AF_UNIX"));
        assertEquals(List.of(), complete("bind u "));
        assertEquals(List.of(), complete("connect u /tmp/x.sock "));
    }

    @Test
    void selectOptionsTakeSocketNames() {
        assertEquals(List.of("s", "c", "conn", "gone"), complete("select -r "));
        List<String> options = complete("select -");
        assertTrue(options.containsAll(List.of("-r", "-w", "-x", "-t")), options::toString);
    }

    @Test
    void fixedWordsAreOfferedWhereACommandTakesThem() {
        assertEquals(List.of("rd", "wr", "rdwr"), complete("shutdown c "));
        assertEquals(List.of("AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM"), complete("socket x "));
        assertEquals(List.of("0", "1"), complete("setblocking c "));
        assertEquals(List.of("on", "off"), complete("trace "));
        assertTrue(complete("setsockopt s ").containsAll(List.of("SO_REUSEADDR", "TCP_NODELAY")));
        assertTrue(complete("help ").containsAll(List.of("send", "data")));
    }

    @Test
    void unknownCommandOffersNothing() {
        assertEquals(List.of(), complete("bogus "));
        assertEquals(List.of(), complete("recv c 10 "));
    }

    @Test
    void aDataArgumentStartingWithAtCompletesFileNames(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("request.txt"), "GET / HTTP/1.0\r\n\r\n");
        Files.writeString(folder.resolve("reply.txt"), "");
        Files.createDirectory(folder.resolve("requests"));
        Files.writeString(folder.resolve(".hidden"), "");
        assertEquals(List.of("@" + folder + "/reply.txt", "@" + folder + "/request.txt", "@" + folder + "/requests/"),
                complete("send c @" + folder + "/re").stream().sorted().toList());
        assertEquals(List.of("@" + folder + "/request.txt", "@" + folder + "/requests/"),
                complete("sendall c @" + folder + "/req").stream().sorted().toList());
        assertEquals(List.of(), complete("write f @" + folder + "/nothing"));
        assertEquals(List.of(), complete("send c @/no/such/folder/x"));
        assertTrue(complete("send c @src/ma").contains("@src/main/"), "relative to the current folder");
    }
}
