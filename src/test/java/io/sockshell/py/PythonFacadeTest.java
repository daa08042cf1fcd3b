package io.sockshell.py;

import static io.sockshell.py.Python.AF_INET;
import static io.sockshell.py.Python.AF_UNIX;
import static io.sockshell.py.Python.POLLIN;
import static io.sockshell.py.Python.SOCK_STREAM;
import static io.sockshell.py.Python.addr;
import static io.sockshell.py.Python.argv;
import static io.sockshell.py.Python.b;
import static io.sockshell.py.Python.input;
import static io.sockshell.py.Python.poll;
import static io.sockshell.py.Python.print;
import static io.sockshell.py.Python.select;
import static io.sockshell.py.Python.socket;
import static io.sockshell.py.Python.unlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Readiness;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PythonFacadeTest {

    /** A server socket on a loopback port, a client connected to it, and the server's end. */
    private record Connection(PySocket server, PySocket client, PySocket conn) {
        static Connection open() {
            PySocket server = socket(AF_INET, SOCK_STREAM);
            server.bind(addr("127.0.0.1", 0));
            server.listen(1);
            PySocket client = socket(AF_INET, SOCK_STREAM);
            client.connect(server.getsockname());
            return new Connection(server, client, server.accept().conn());
        }
    }

    @Test
    void bytesTravelAndPrintAsPythonShowsThem() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            assertEquals(3, connection.client().send(b("abc")));
            PyBytes data = connection.conn().recv(1000000);
            print(data, Python.len(data));
            connection.client().close();
            print(connection.conn().recv(10));
            assertEquals("b'abc' 3\nb''\n", program.output());
        }
    }

    @Test
    void acceptReturnsThePairAsPythonWouldPrintIt() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            int port = connection.server().getsockname().port();
            String conn = connection.conn().toString();
            assertTrue(conn.matches("<socket\\.socket family=AF_INET, type=SOCK_STREAM, proto=0, "
                    + "laddr=\\('127\\.0\\.0\\.1', " + port + "\\), raddr=\\('127\\.0\\.0\\.1', \\d+\\)>"), conn);
            connection.conn().close();
            assertEquals("<socket.socket [closed] family=AF_INET, type=SOCK_STREAM, proto=0>", connection.conn().toString());
        }
    }

    @Test
    void anAfUnixPairTakesPathsAndPrintsAsPythonDoes(@TempDir java.nio.file.Path folder) {
        String path = folder.resolve("facade.sock").toString();
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            PySocket server = socket(AF_UNIX, SOCK_STREAM);
            assertEquals("<socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>", server.toString(),
                    "an unnamed AF_UNIX socket shows no laddr: CPython leaves out an empty address");
            server.bind(path);
            server.listen(1);
            PySocket client = socket(AF_UNIX, SOCK_STREAM);
            client.connect(path);
            AcceptedPair accepted = server.accept();
            assertEquals("<socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0, laddr=" + path + ">, ''",
                    accepted.toString().substring(1, accepted.toString().length() - 1));
            assertEquals("<socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0, raddr=" + path + ">", client.toString());
            client.send(b("abc"));
            print(accepted.conn().recv(10), server.getsockname());
            assertEquals("b'abc' " + path + "\n", program.output(), "print shows str(address): the path unquoted");
            OSError missing = assertThrows(OSError.class, () -> socket(AF_UNIX, SOCK_STREAM).connect(path + ".gone"));
            assertEquals("FileNotFoundError: [Errno 2] No such file or directory", missing.getMessage());
            assertEquals(106, client.connect_ex(path), "a connected socket's connect_ex gives EISCONN");
        }
    }

    @Test
    void unlinkRemovesAStaleSocketFileAsOsUnlinkDoes(@TempDir java.nio.file.Path folder) {
        String path = folder.resolve("stale.sock").toString();
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            socket(AF_UNIX, SOCK_STREAM).bind(path);
            OSError inUse = assertThrows(OSError.class, () -> socket(AF_UNIX, SOCK_STREAM).bind(path));
            assertEquals("OSError: [Errno 98] Address already in use", inUse.getMessage(), "close or not, the file stays");
            unlink(path);
            socket(AF_UNIX, SOCK_STREAM).bind(path);
            unlink(path);
            FileNotFoundError gone = assertThrows(FileNotFoundError.class, () -> unlink(path));
            assertEquals("FileNotFoundError: [Errno 2] No such file or directory: '" + path + "'", gone.getMessage());
            assertEquals(2, gone.errno());
        }
    }

    @Test
    void nonblockingRecvRaisesBlockingIOErrorWithCPythonsLine() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            connection.conn().setblocking(false);
            BlockingIOError error = assertThrows(BlockingIOError.class, () -> connection.conn().recv(1));
            assertEquals("BlockingIOError: [Errno 11] Resource temporarily unavailable", error.getMessage());
            assertEquals(11, error.errno());
            assertTrue(error instanceof OSError);
        }
    }

    @Test
    void refusedConnectRaisesConnectionRefusedError() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            PySocket unused = socket(AF_INET, SOCK_STREAM);
            unused.bind(addr("127.0.0.1", 0));
            int port = unused.getsockname().port();
            PySocket client = socket(AF_INET, SOCK_STREAM);
            ConnectionError error = assertThrows(ConnectionError.class, () -> client.connect(addr("127.0.0.1", port)));
            assertEquals("ConnectionRefusedError: [Errno 111] Connection refused", error.getMessage());
            assertEquals("ConnectionRefusedError", error.pythonClass());
            assertEquals(111, client.connect_ex(addr("127.0.0.1", port)));
        }
    }

    @Test
    void aClosedSocketRaisesBadFileDescriptor() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            PySocket s = socket(AF_INET, SOCK_STREAM);
            s.close();
            s.close();
            OSError error = assertThrows(OSError.class, () -> s.bind(addr("127.0.0.1", 0)));
            assertEquals("OSError: [Errno 9] Bad file descriptor", error.getMessage());
        }
    }

    @Test
    void aTimeoutRunsOut() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            connection.conn().settimeout(0.05);
            TimeoutError error = assertThrows(TimeoutError.class, () -> connection.conn().recv(1));
            assertEquals("TimeoutError: timed out", error.getMessage());
            assertEquals(0.05, connection.conn().gettimeout());
        }
    }

    @Test
    void printFollowsPythonsStr() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            print("text", true, null, 2.0, List.of("a", "b"), b("it's"));
            print();
            assertEquals("text True None 2.0 ['a', 'b'] b\"it's\"\n\n", program.output());
        }
    }

    @Test
    void argvSaysWhatIsMissing() {
        try (TestProgram program = new TestProgram(List.of("127.0.0.1"), List.of())) {
            assertEquals("127.0.0.1", argv(1));
            PyException error = assertThrows(PyException.class, () -> argv(2));
            assertEquals("IndexError: list index out of range: sys.argv[2] is missing; this program was given "
                    + "['127.0.0.1']", error.getMessage());
            Python.setArgv("a", "b");
            assertEquals(List.of("test.jsh", "a", "b"), argv());
        }
    }

    @Test
    void inputEchoesScriptedLinesAndEndsInEOFError() {
        try (TestProgram program = new TestProgram(List.of(), List.of("a"))) {
            assertEquals("a", input("enter a letter:"));
            PyException error = assertThrows(PyException.class, () -> input("enter a letter:"));
            assertEquals("EOFError: EOF when reading a line", error.getMessage());
            assertEquals("enter a letter:a\nenter a letter:\n", program.output());
        }
    }

    @Test
    void makefileWritesAndReadsLines() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            PyFile writer = connection.conn().makefile("w");
            writer.writelines(List.of("moon, sun\n", "and\n", "stars\n"));
            writer.close();
            connection.conn().close();
            PyFile reader = connection.client().makefile("r");
            assertEquals("moon, sun\n", reader.readline());
            assertEquals(List.of("and\n", "stars\n"), reader.readlines());
            assertEquals("<_io.TextIOWrapper mode='r' encoding='utf-8'>", reader.toString());
            assertThrows(ValueError.class, () -> connection.client().makefile("rb"));
        }
    }

    @Test
    void closingASocketWithAnOpenFileLeavesTheDescriptorToTheFile() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            PyFile file = connection.conn().makefile("w");
            connection.conn().close();
            assertFalse(connection.conn().isClosed());
            assertEquals(1, connection.conn().send(b("x")));
            assertEquals(b("x"), connection.client().recv(10));
            file.close();
            assertTrue(connection.conn().isClosed());
            assertEquals(b(""), connection.client().recv(10));
            file.close();
        }
    }

    @Test
    void iteratingAFileGivesLinesAsTheyCome() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            connection.conn().sendall(b("one\ntwo\n"));
            connection.conn().shutdown(Python.SHUT_WR);
            StringBuilder seen = new StringBuilder();
            for (String line : connection.client().makefile("r")) {
                seen.append('[').append(line.strip()).append(']');
            }
            assertEquals("[one][two]", seen.toString());
        }
    }

    @Test
    void selectAndPollSayWhichSocketsAreReadable() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            Readiness<PySocket> none = select(List.of(connection.conn()), List.of(), List.of(), 0.0);
            assertTrue(none.isEmpty());
            connection.client().send(b("x"));
            Readiness<PySocket> ready = select(List.of(connection.conn(), connection.server()), List.of(), List.of(), 5.0);
            assertEquals(List.of(connection.conn()), ready.readable());
            PyPoll p = poll();
            p.register(connection.conn(), POLLIN);
            List<PyPoll.Event> events = p.poll(5000);
            assertEquals(1, events.size());
            assertEquals(POLLIN, events.get(0).events());
            assertTrue(events.get(0).toString().endsWith(", POLLIN)"));
        }
    }

    @Test
    void stoppingAProgramEndsItsWaitInKeyboardInterrupt() throws Exception {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            Thread stopper = new Thread(() -> {
                while (program.program().callStarted() == 0) {
                    Thread.onSpinWait();
                }
                program.program().stop();
            });
            stopper.start();
            KeyboardInterrupt interrupt = assertThrows(KeyboardInterrupt.class, () -> connection.conn().recv(1));
            stopper.join(5000);
            assertEquals("KeyboardInterrupt", interrupt.getMessage());
            assertEquals("recv()", program.program().stoppedDuring());
        }
    }

    @Test
    void leftoverSocketsAreListedAndClosed() {
        try (TestProgram program = new TestProgram(List.of(), List.of())) {
            Connection connection = Connection.open();
            connection.client().close();
            assertEquals(2, program.program().openSockets().size());
            program.program().closeAll();
            assertTrue(program.program().openSockets().isEmpty());
            assertTrue(connection.server().isClosed());
            assertTrue(connection.conn().isClosed());
        }
    }
}
