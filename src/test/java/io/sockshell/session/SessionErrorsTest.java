package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sockshell.support.ShellDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wrong line gives exactly one error line, in CPython's words where Python has them, and
 * the session and its other sockets carry on as before.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SessionErrorsTest {
    private static final int FAILED = Session.FAILED;
    private static final int USAGE = Session.USAGE;

    private final ShellDriver shell = new ShellDriver();

    @BeforeEach
    void openSockets() {
        shell.openConnectedPair();
        shell.ok("socket x");
        shell.ok("socket k");
        shell.ok("close k");
    }

    @AfterEach
    void closeSession() {
        shell.close();
    }

    static Stream<Arguments> wrongLines() {
        return Stream.of(
                arguments("foo", USAGE, "error: unknown command 'foo' (type help for the list)"),
                arguments("sokcet y", USAGE, "error: unknown command 'sokcet'; did you mean socket?"),
                arguments("rcev c 10", USAGE, "error: unknown command 'rcev'; did you mean recv?"),
                arguments("bind x", USAGE, "bind: missing required parameter: 'HOST|PATH' (usage: bind SOCKET HOST|PATH [PORT])"),
                arguments("bind c localhost", USAGE, "bind: missing required parameter: 'PORT' (usage: bind SOCKET HOST|PATH [PORT])"),
                arguments("recv conn 10 20", USAGE,
                        "recv: too many arguments or unknown option: 20 (usage: recv [--until-eof] [--full | --hex | --short] SOCKET BUFSIZE)"),
                arguments("recv conn 10 --hex --full", USAGE, "recv: error: --full, --hex are mutually exclusive (specify only one)"
                        + " (usage: recv [--until-eof] [--full | --hex | --short] SOCKET BUFSIZE)"),
                arguments("recv --until-eof conn 0", USAGE,
                        "recv: recv --until-eof needs a BUFSIZE above 0 (recv(0) is always b'')"),
                arguments("close", USAGE, "close: missing required parameter: 'NAME' (usage: close NAME...)"),
                arguments("recv zz 10", FAILED, "NameError: name 'zz' is not defined"),
                arguments("close zz", FAILED, "NameError: name 'zz' is not defined"),
                arguments("connect x localhost zz.port", FAILED, "NameError: name 'zz' is not defined"),
                arguments("send c \"abc", USAGE, "error: unterminated double quote starting at column 8"),
                arguments("send c b'café'", USAGE, "send: bytes can only contain ASCII literal characters"),
                arguments("send c \"\\x4\"", USAGE, "send: truncated \\xHH escape"),
                arguments("send c \"a\"*", USAGE, "send: expected a repeat count after '*' in \"a\"*"),
                arguments("send c x'4'", USAGE, "send: hex data needs an even number of digits: 4"),
                arguments("send c \"a\"*1073741825", USAGE, "send: data would be 1073741825 bytes; the limit is 1073741824 (1 GiB)"),
                arguments("send c @/nonexistent/request.txt", USAGE, "send: cannot read /nonexistent/request.txt: no such file"),
                arguments("bind x \"\" 70000", FAILED, "OverflowError: bind(): port must be 0-65535."),
                arguments("bind x \"\" -1", FAILED, "OverflowError: bind(): port must be 0-65535."),
                arguments("connect x localhost 65536", FAILED, "OverflowError: connect(): port must be 0-65535."),
                arguments("connect x localhost http", USAGE, "connect: port must be a number or NAME.port, not 'http'"),
                arguments("connect x localhost x.port", USAGE,
                        "connect: x.port: socket x is not bound to a port yet (bind or connect it first)"),
                arguments("connect x nosuchhost.invalid 80", FAILED, "socket.gaierror: [Errno -2] Name or service not known"),
                arguments("recv s 10", FAILED, "OSError: [Errno 107] Transport endpoint is not connected"),
                arguments("getpeername x", FAILED, "OSError: [Errno 107] Transport endpoint is not connected"),
                arguments("shutdown x wr", FAILED, "OSError: [Errno 107] Transport endpoint is not connected"),
                arguments("listen c", FAILED, "OSError: [Errno 22] Invalid argument"),
                arguments("bind c \"\" 0", FAILED, "OSError: [Errno 22] Invalid argument"),
                arguments("send s \"x\"", FAILED, "BrokenPipeError: [Errno 32] Broken pipe"),
                arguments("recv k 10", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("send k \"x\"", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("bind k \"\" 0", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("listen k", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("accept k", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("connect k localhost s.port", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("getsockname k", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("setblocking k 0", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("shutdown k wr", FAILED, "OSError: [Errno 9] Bad file descriptor"),
                arguments("select -r k -t 0", FAILED, "ValueError: file descriptor cannot be a negative integer (-1)"),
                arguments("socket c", FAILED, "NameError: name 'c' is already an open socket; close it first or pick another name"),
                arguments("accept s conn", FAILED,
                        "NameError: name 'conn' is already an open socket; close it first or pick another name"),
                arguments("makefile c conn", FAILED,
                        "NameError: name 'conn' is already an open socket; close it first or pick another name"),
                arguments("accept s bad-name", FAILED,
                        "SyntaxError: invalid name 'bad-name' (use letters, digits and _, starting with a letter or _)"),
                arguments("socket 9lives", USAGE, "socket: '9lives' is not a valid name, family or type"),
                arguments("recv c abc", USAGE, "recv: BUFSIZE must be a whole number, not 'abc'"),
                arguments("recv c -1", FAILED, "ValueError: negative buffersize in recv"),
                arguments("settimeout c -1", FAILED, "ValueError: Timeout value out of range"),
                arguments("settimeout c soon", USAGE, "settimeout: SECONDS must be a number of seconds or None, not 'soon'"),
                arguments("setblocking c maybe", USAGE,
                        "setblocking: FLAG must be an integer (0 is false) or True/False, as in Python, not 'maybe'"),
                arguments("setblocking c yes", USAGE,
                        "setblocking: FLAG must be an integer (0 is false) or True/False, as in Python, not 'yes'"),
                arguments("setblocking c 1.5", USAGE,
                        "setblocking: FLAG must be an integer (0 is false) or True/False, as in Python, not '1.5'"),
                arguments("setblocking c 99999999999999999999", FAILED,
                        "OverflowError: Python int too large to convert to C long"),
                arguments("shutdown c sideways", USAGE, "shutdown: HOW must be rd, wr or rdwr, not 'sideways'"),
                arguments("makefile c f zz", FAILED, "ValueError: invalid mode 'zz' (only r, w, b allowed)"),
                arguments("readline c", FAILED, "TypeError: 'c' is a socket, not a file (makefile makes one)"),
                arguments("select -r c -t soon", USAGE, "select: TIMEOUT must be a number of seconds or None, not 'soon'"),
                arguments("select -t", USAGE, "select: missing required parameter for option '--timeout' (SECONDS)"
                        + " (usage: select [-t=SECONDS] [-r=SOCKET[,SOCKET...]]... [-w=SOCKET[,SOCKET...]]..."
                        + " [-x=SOCKET[,SOCKET...]]...)"),
                arguments("getsockopt c SO_BOGUS", USAGE, "getsockopt: unknown option 'SO_BOGUS'; known: SO_REUSEADDR,"
                        + " SO_REUSEPORT, SO_KEEPALIVE, SO_RCVBUF, SO_SNDBUF, SO_LINGER, SO_BROADCAST, SO_ERROR, TCP_NODELAY"),
                arguments("getsockopt c IPPROTO_TCP SO_ERROR", USAGE, "getsockopt: SO_ERROR is an option of level SOL_SOCKET,"
                        + " not IPPROTO_TCP (at IPPROTO_TCP its number is another option, which the shell does not offer)"),
                arguments("setsockopt c SOL_SOCKET TCP_NODELAY 1", USAGE, "setsockopt: TCP_NODELAY is an option of level IPPROTO_TCP,"
                        + " not SOL_SOCKET (at SOL_SOCKET its number is another option, which the shell does not offer)"),
                arguments("setsockopt c SO_LINGER 1", USAGE,
                        "setsockopt: SO_LINGER takes two values: ONOFF SECONDS, as in setsockopt s SO_LINGER 1 0"),
                arguments("kill 9", USAGE, "kill: no such job: %9"),
                arguments("wait %9", USAGE, "wait: no such job: %9"),
                arguments("wait &", USAGE, "error: wait cannot run in the background"),
                arguments("help nosuch", USAGE, "help: no command called 'nosuch' (type help for the list)"),
                arguments("set display loud", USAGE, "set: display must be short, full or hex, not 'loud'"),
                arguments("set colour on", USAGE, "set: unknown setting 'colour' (display, debug, diagram)"),
                arguments("trace maybe", USAGE, "trace: trace must be 0 or 1 (or True/False), not 'maybe'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongLines")
    void wrongLineGivesOneErrorLineAndTheSessionCarriesOn(String line, int status, String error) {
        ShellDriver.Result result = shell.run(line);
        assertEquals(List.of(error), result.errLines(), () -> line + " -> " + result);
        assertEquals("", result.out(), () -> line + " -> " + result);
        assertEquals(status, result.status(), () -> line + " -> " + result);

        assertEquals("2", shell.value("send c \"ok\""));
        assertEquals("b'ok'", shell.value("recv conn 10"));
        assertEquals("4", shell.value("send conn \"back\""));
        assertEquals("b'back'", shell.value("recv c 10"));
        assertEquals("([], [c, conn], [])", shell.value("select -r s -w c,conn -t 0"));
        assertTrue(shell.session().leftovers().containsAll(
                List.of("socket s still open", "socket c still open", "socket conn still open")));
    }

    @Test
    void acceptIntoATakenNameLeavesTheWaitingClientForTheNextAccept() {
        shell.ok("socket d");
        shell.ok("connect d 127.0.0.1 s.port");
        assertEquals(FAILED, shell.run("accept s c").status());
        String peer = shell.value("accept s conn2");
        assertEquals(peer, shell.value("getsockname d"));
        assertEquals("1", shell.value("send d \"!\""));
        assertEquals("b'!'", shell.value("recv conn2 10"));
    }

    @Test
    void aClosedNameMayBeTakenAgain() {
        shell.ok("close c");
        assertEquals("", shell.ok("socket c"));
        assertEquals("", shell.ok("socket k"));
    }
}
