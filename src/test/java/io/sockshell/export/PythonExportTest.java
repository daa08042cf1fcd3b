package io.sockshell.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptError;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What each command becomes in Python, read from the program's text (PythonJudgeTest runs programs). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PythonExportTest {
    /** The session part of the program: what follows the helpers. */
    private static String session(List<String> lines) {
        String source = PythonExport.ofLines("test", lines).source();
        return source.substring(source.indexOf("# The session.\n") + "# The session.\n".length()).strip();
    }

    private static String session(String... lines) {
        return session(List.of(lines));
    }

    @Test
    void socketCallsAreTheTutorialsIdioms() {
        assertEquals(String.join("\n",
                "with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "with step(): s.bind(('', 0))",
                "with step(): s.listen(1)",
                "with step(): c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)",
                "with step(): c.connect(('localhost', bound_port(s, 'connect', 's')))",
                "with step(): conn, addr = s.accept(); show(addr)",
                "with step(): show(c.send(b'abc' * 10000 + b'\\r\\n'))",
                "with step(): show_data(conn.recv(1024))",
                "with step(): show_data(conn.recv(1024), 'hex')",
                "with step(): f = c.makefile('rb')",
                "with step(): show_data(f.readline())",
                "with step(): c.shutdown(socket.SHUT_WR)",
                "with step(): f.close(); c.close()"),
                session("socket s", "bind s \"\" 0", "listen s 1", "socket c AF_INET6", "connect c localhost s.port",
                        "accept s conn", "send c \"abc\"*10000+b'\\r\\n'", "recv conn 1024", "recv --hex conn 1024",
                        "makefile c f rb", "readline f", "shutdown c wr", "close f c"));
    }

    @Test
    void udpSelectPollAndOptions() {
        assertEquals(String.join("\n",
                "with step(): u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                "with step(): show(u.sendto(b'hi', ('127.0.0.1', 9)))",
                "with step(): show_datagram(u.recvfrom(10))",
                "with step(): u.setblocking(False)",
                "with step(): u.settimeout(0.5)",
                "with step(): show_ready(select.select([u], [u], [], 0))",
                "with step():",
                "    poller = select.poll()",
                "    poller.register(u, select.POLLIN | select.POLLOUT)",
                "    show_events(poller.poll(10), [u])",
                "with step(): u.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)",
                "with step(): show(u.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))"),
                session("socket u udp", "sendto u \"hi\" 127.0.0.1 9", "recvfrom u 10", "setblocking u 0",
                        "settimeout u 0.5", "select -r u -w u -t 0", "poll -r u -w u -t 10",
                        "setsockopt u SO_RCVBUF 4096", "getsockopt u SOL_SOCKET SO_ERROR"));
    }

    @Test
    void aJobIsAThreadReportedAtWait() {
        assertEquals(String.join("\n",
                "jobs = Jobs()  # the background jobs",
                "with step(): s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "def job1():",
                "    global conn",
                "    with step(): conn, addr = s.accept(); show(addr)",
                "with step(): jobs.start('accept s conn', job1)",
                "with step(): jobs.list()",
                "with step(): jobs.wait(1, timeout=2)"),
                session("socket s", "accept s conn &", "jobs", "wait 1 -t 2"));
    }

    @Test
    void textFilesWriteStrAndRepeatedSendsLoop() {
        assertEquals(String.join("\n",
                "with step(): c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "with step(): w = c.makefile('w')",
                "with step(): show(w.write('smile \\n'))",
                "with step(): show(w.write((b'\\xf0\\x9f\\x98\\x80').decode()))",
                "with step():",
                "    for _ in range(3):",
                "        c.sendall(b'x' * 1048576)"),
                session("socket c", "makefile c w w", "write w \"smile \\n\"", "write w \"\uD83D\uDE00\"",
                        "sendall --repeat 3 c \"x\"*1048576"));
    }

    @Test
    void automaticNamesAreTheShells() {
        String program = session("socket", "socket udp", "accept s1", "makefile s2");
        assertTrue(program.contains("s1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM); emit('s1')"), program);
        assertTrue(program.contains("s2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); emit('s2')"), program);
        assertTrue(program.contains("conn1, addr = s1.accept(); emit('conn1 ' + repr(addr))"), program);
        assertTrue(program.contains("f1 = s2.makefile('r'); emit('f1')"), program);
    }

    @Test
    void commandsWithNoPythonEquivalentBecomeComments() {
        PythonExport.Program program = PythonExport.ofLines("test", List.of("socket s", "sockets", "trace on", "set debug on",
                "help recv", "kill 1", "recv s", "bind s \"\" port", "frobnicate", "send s \"abc"));
        String text = program.source();
        assertTrue(text.contains("# sockshell> sockets  (shell only: the shell's own table of sockets)"), text);
        assertTrue(text.contains("# sockshell> trace on  (shell only: shows the system calls the shell makes)"), text);
        assertTrue(text.contains("# sockshell> kill 1  (shell only: a Python thread cannot be cancelled)"), text);
        assertTrue(text.contains("# sockshell> recv s  (not exported, the shell refuses it: Missing required parameter:"
                + " 'BUFSIZE')"), text);
        assertTrue(text.contains("# sockshell> bind s \"\" port  (not exported, the shell refuses it: port must be a"
                + " number or NAME.port, not 'port')"), text);
        assertTrue(text.contains("# sockshell> frobnicate  (not exported: no such command)"), text);
        assertTrue(text.contains("# sockshell> send s \"abc  (not exported, the shell refuses it: "), text);
        assertEquals(List.of(1), program.markedSteps());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), List.copyOf(program.unexported().keySet()));
    }

    /** The shell refuses an option at a level not its own (its number there is another option), so the export does too. */
    @Test
    void anOptionAtALevelNotItsOwnIsNotExported() {
        PythonExport.Program program = PythonExport.ofLines("test", List.of("socket s", "setsockopt s IPPROTO_TCP SO_REUSEADDR 1",
                "getsockopt s IPPROTO_TCP SO_KEEPALIVE", "setsockopt s SOL_SOCKET SO_REUSEADDR 1", "getsockopt s SOL_TCP TCP_NODELAY"));
        String text = program.source();
        assertTrue(text.contains("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"), text);
        assertTrue(text.contains("show(s.getsockopt(socket.SOL_TCP, socket.TCP_NODELAY))"), text);
        assertEquals(List.of(1, 4, 5), program.markedSteps());
        assertEquals(List.of(2, 3), List.copyOf(program.unexported().keySet()));
        assertTrue(program.unexported().get(2).contains("SO_REUSEADDR is an option of level SOL_SOCKET, not IPPROTO_TCP"),
                program.unexported().get(2));
    }

    @Test
    void partiesAreBlocksAndTheirNamesStayApart() throws TranscriptError {
        Transcript transcript = Transcript.parse(Path.of("t.t"), String.join("\n",
                "%party a", "%party b-side",
                "# a comment for the step", "a> socket c", "b-side> socket c", "b-side> select -r c -t 0", "([c], [], [])",
                "%python skip the reason", "a> sockets", "NAME  TYPE", ""));
        PythonExport.Program program = PythonExport.of(transcript);
        String text = program.source();
        assertTrue(text.contains("# a comment for the step\n# --- a ---\nwith step(): c = socket.socket("), text);
        assertTrue(text.contains("# --- b-side ---\nwith step(): b_side_c = socket.socket("), text);
        assertTrue(text.contains("SHELL_NAMES = {'b_side_c': 'c'}"), text);
        assertTrue(text.contains("show_ready(select.select([b_side_c], [], [], 0))"), text);
        assertTrue(text.contains("# a> sockets  (left out: the reason)"), text);
        assertEquals(List.of(1, 2, 3), program.markedSteps());
        assertTrue(program.unexported().isEmpty());
    }

    @Test
    void capturesAreVariablesReadBackFromTheOutput() throws TranscriptError {
        Transcript transcript = Transcript.parse(Path.of("t.t"), String.join("\n",
                "%party server", "%party client",
                "server> getsockname s", "('0.0.0.0', [[port:\\d+]])",
                "client> connect c localhost [[port]] &", "[1] pending: connect c localhost [[port]]",
                "client> read f [[port]]", "client> recv c 10", "port is [[port]], [[other:\\d+]] (re)", ""));
        String text = PythonExport.of(transcript).source();
        assertTrue(text.contains("with step(): addr = s.getsockname(); show(addr); port = addr[1]\n"), text);
        assertTrue(text.contains("with step(): c.connect(('localhost', int(port)))"), text);
        assertTrue(text.contains("client_jobs.start('connect c localhost ' + str(port), client_job1)"), text);
        assertTrue(text.contains("show_data(f.read(int(port)))"), text);
        assertTrue(text.contains("other = capture('other', r'port is .*?, (?P<other>\\d+)')"), text);
    }

    @Test
    void carriedFilesAreConstants() throws TranscriptError {
        Transcript transcript = Transcript.parse(Path.of("t.t"), String.join("\n",
                "%file request.txt", "GET / HTTP/1.0", "%endfile",
                "sockshell> send c @request.txt+@other.bin", ""));
        String text = PythonExport.of(transcript).source();
        assertTrue(text.contains("REQUEST_TXT = b'GET / HTTP/1.0\\n'  # %file request.txt"), text);
        assertTrue(text.contains("show(c.send(REQUEST_TXT + open('other.bin', 'rb').read()))"), text);
    }

    @Test
    void pythonNamesNeverClash() {
        String program = session("socket select", "socket in", "close select in");
        assertTrue(program.contains("select_ = socket.socket("), program);
        assertTrue(program.contains("in_ = socket.socket("), program);
        assertTrue(program.contains("select_.close(); in_.close()"), program);
    }

    @Test
    void aMisplacedSkipMarkIsAnErrorAtItsLine() {
        TranscriptError error = assertThrows(TranscriptError.class, () -> Transcript.parse(Path.of("t.t"),
                "sockshell> socket s\n%python skip why\n"));
        assertEquals("t.t:2: %python skip marks no command: it must stand right above one", error.getMessage());
        TranscriptError noReason = assertThrows(TranscriptError.class, () -> Transcript.parse(Path.of("t.t"),
                "%python skip\nsockshell> socket s\n"));
        assertTrue(noReason.getMessage().startsWith("t.t:1: %python needs 'skip' and the reason"), noReason.getMessage());
        assertFalse(noReason.getMessage().contains("\n"));
    }
}
