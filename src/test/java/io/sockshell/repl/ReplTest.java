package io.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.program.Program;
import io.sockshell.session.Session;
import io.sockshell.support.Cleanup;
import io.sockshell.support.Keyboard;
import io.sockshell.support.ProgramProcesses;
import io.sockshell.support.TextSink;
import io.sockshell.support.Waits;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interactive shell on a headless terminal: a test types, reads the screen, and presses
 * Ctrl-C and Ctrl-D. The session is owned as Main owns it: closed when the shell ends.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String PROMPT = "sockshell> ";
    /** The keys a terminal's line discipline gives meaning: Ctrl-C interrupts, Ctrl-D ends the input. */
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;

    private final Cleanup cleanup = new Cleanup();
    private final Keyboard keyboard = cleanup.add(new Keyboard());
    private final TextSink screen = new TextSink();
    private final CompletableFuture<Integer> shell = new CompletableFuture<>();
    private Terminal terminal;
    private Thread shellThread;
    private volatile Session session;
    private int prompts;

    @BeforeEach
    void startShell() throws Exception {
        terminal = cleanup.add(new DumbTerminal("test", Terminal.TYPE_DUMB, keyboard, screen, StandardCharsets.UTF_8));
        Attributes keys = terminal.getAttributes();
        keys.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        keys.setControlChar(Attributes.ControlChar.VINTR, CTRL_C);
        keys.setControlChar(Attributes.ControlChar.VEOF, CTRL_D);
        terminal.setAttributes(keys);
        shellThread = new Thread(() -> {
            try {
                shell.complete(runAsMainDoes());
            } catch (Throwable e) {
                shell.completeExceptionally(e);
            }
        }, "repl-under-test");
        shellThread.setDaemon(true);
        shellThread.start();
        awaitPrompt();
    }

    @AfterEach
    void endShell() throws Exception {
        if (!shell.isDone()) {
            keyboard.type(String.valueOf((char) CTRL_D));
        }
        try {
            Waits.get(shell, BOUND);
        } finally {
            cleanup.closeAll();
        }
    }

    /** The shell as Main runs it: the session lives as long as the REPL and is closed when it ends. */
    private int runAsMainDoes() {
        try (Session owned = new Session(terminal.writer(), terminal.writer())) {
            session = owned;
            return new Repl(terminal, null, false).run(owned);
        }
    }

    /** Waits for the next prompt; returns the screen so far. */
    private String awaitPrompt() {
        prompts++;
        return screen.awaitCount(PROMPT, prompts, BOUND);
    }

    /** Types a line and waits until the shell prompts again; returns what the line printed. */
    private String enter(String line) {
        int from = screen.text().length();
        keyboard.type(line + "\n");
        String text = awaitPrompt();
        String shown = text.substring(from);
        return shown.substring(0, shown.lastIndexOf(PROMPT));
    }

    private ServerSocket peerServer() throws Exception {
        ServerSocket server = cleanup.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        server.setSoTimeout(5000);
        return server;
    }

    @Test
    void promptAppearsAndCommandsPrintTheirResults() {
        assertTrue(screen.text().endsWith(PROMPT), screen.text());
        enter("socket s");
        enter("bind s 127.0.0.1 0");
        assertTrue(enter("getsockname s").contains("('127.0.0.1', "), screen::text);
        assertTrue(enter("sokcet t").contains("error: unknown command 'sokcet'; did you mean socket?"), screen::text);
        assertTrue(enter("recv s 10").contains("OSError: [Errno 107] Transport endpoint is not connected"), screen::text);
    }

    @Test
    void ctrlCDuringABlockingAcceptCancelsJustThatCall() throws Exception {
        enter("socket s");
        enter("bind s 127.0.0.1 0");
        enter("listen s 1");
        int from = screen.text().length();
        keyboard.type("accept s conn\n");
        Waits.untilBlocked(shellThread, shell, BOUND);
        terminal.raise(Terminal.Signal.INT);
        String shown = awaitPrompt().substring(from);
        assertTrue(shown.contains("KeyboardInterrupt"), shown);

        int port = session.table().socket("s").getsockname().port();
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            String accepted = enter("accept s conn");
            assertTrue(accepted.contains("('127.0.0.1', " + client.getLocalPort() + ")"), accepted);
        }
    }

    @Test
    void ctrlCAtThePromptDropsTheLineAndTheNextCallStillBlocks() throws Exception {
        enter("socket s");
        enter("bind s 127.0.0.1 0");
        enter("listen s 1");
        keyboard.type("close s" + (char) CTRL_C);
        awaitPrompt();

        int from = screen.text().length();
        keyboard.type("accept s conn\n");
        Waits.untilBlocked(shellThread, shell, BOUND);
        int port = session.table().socket("s").getsockname().port();
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            String shown = awaitPrompt().substring(from);
            assertTrue(shown.contains("('127.0.0.1', " + client.getLocalPort() + ")"), shown);
        }
    }

    @Test
    void backgroundResultIsPrintedAboveThePromptWhenItArrives() throws Exception {
        ServerSocket server = peerServer();
        enter("socket c");
        enter("connect c 127.0.0.1 " + server.getLocalPort());
        Socket peer = cleanup.add(server.accept());
        assertTrue(enter("recv c 100 &").contains("[1] pending: recv c 100"), screen::text);
        int from = screen.text().length();

        OutputStream toShell = peer.getOutputStream();
        toShell.write("hi".getBytes(StandardCharsets.US_ASCII));
        toShell.flush();

        String shown = screen.await(text -> text.substring(from).contains("b'hi'")
                && text.substring(from).endsWith(PROMPT), BOUND, "the job's result and a fresh prompt").substring(from);
        assertTrue(shown.indexOf("[1] done: recv c 100") < shown.indexOf("b'hi'"), shown);
        prompts = TextSink.occurrences(screen.text(), PROMPT);
        assertEquals("", enter("jobs").strip(), "the job was reported already");
    }

    @Test
    void ctrlDEndsTheShellAndEveryProgramItStarted() throws Exception {
        assertEquals("", enter("program waiting python3 -c \"input()\"").strip());
        String parent = enter("program parent sh -c \"sleep 1000 & echo started a child\"");
        assertTrue(parent.contains("started a child") && parent.contains("[exit 0]"), parent);
        long pid = ((Program) session.table().held("waiting").orElseThrow()).pid();
        String programs = ProgramProcesses.sessionOf(pid);

        keyboard.type(String.valueOf((char) CTRL_D));
        assertEquals(0, Waits.get(shell, BOUND));

        assertEquals(List.of(), ProgramProcesses.awaitNoneOf(programs, BOUND), "left running");
        assertTrue(session.leftovers().isEmpty(), () -> session.leftovers().toString());
    }

    @Test
    void ctrlDEndsTheShellAndEverySocketIsClosed() throws Exception {
        ServerSocket server = peerServer();
        enter("socket s");
        enter("bind s 127.0.0.1 0");
        enter("listen s");
        enter("socket c");
        enter("connect c 127.0.0.1 " + server.getLocalPort());
        Socket peer = cleanup.add(server.accept());
        peer.setSoTimeout(5000);
        enter("recv c 10 &");

        keyboard.type(String.valueOf((char) CTRL_D));
        assertEquals(0, Waits.get(shell, BOUND));

        InputStream fromShell = peer.getInputStream();
        assertEquals(-1, fromShell.read());
        assertTrue(session.leftovers().isEmpty(), () -> session.leftovers().toString());
        assertTrue(session.table().sockets().values().stream().allMatch(sock -> sock.isClosed()));
    }

    @Test
    void exitEndsTheShell() {
        keyboard.type("exit\n");
        assertEquals(0, Waits.get(shell, BOUND));
    }
}
