package io.sockshell.py;

import io.sockshell.engine.Address;
import io.sockshell.engine.Family;
import io.sockshell.engine.Kind;
import io.sockshell.engine.PollEvent;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.PyRepr;
import io.sockshell.engine.Readiness;
import io.sockshell.engine.ShutdownHow;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import io.sockshell.engine.SocketFile;
import io.sockshell.py.spi.RunningProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Python's {@code socket}, {@code select}, {@code os.unlink} and the few built-ins the tutorial's programs use,
 * for Java code that wants to read like them. Meant to be imported whole:
 * <pre>{@code
 * import static io.sockshell.py.Python.*;
 *
 * var s = socket(AF_INET, SOCK_STREAM);
 * s.connect(addr("127.0.0.1", 2000));
 * s.send(b("abc"));
 * print(s.recv(1000000));   // b'abcabc...'
 * }</pre>
 * Python 3's meaning is used where Python 2 and 3 differ: sockets carry bytes ({@link #b},
 * {@link #decode}), and {@code print} of bytes shows {@code b'...'}.
 */
public final class Python {
    public static final Family AF_INET = Family.AF_INET;
    public static final Family AF_INET6 = Family.AF_INET6;
    public static final Family AF_UNIX = Family.AF_UNIX;
    public static final Kind SOCK_STREAM = Kind.SOCK_STREAM;
    public static final Kind SOCK_DGRAM = Kind.SOCK_DGRAM;
    public static final ShutdownHow SHUT_RD = ShutdownHow.SHUT_RD;
    public static final ShutdownHow SHUT_WR = ShutdownHow.SHUT_WR;
    public static final ShutdownHow SHUT_RDWR = ShutdownHow.SHUT_RDWR;
    public static final SockOption SO_REUSEADDR = SockOption.SO_REUSEADDR;
    public static final SockOption SO_KEEPALIVE = SockOption.SO_KEEPALIVE;
    public static final SockOption SO_RCVBUF = SockOption.SO_RCVBUF;
    public static final SockOption SO_SNDBUF = SockOption.SO_SNDBUF;
    public static final SockOption TCP_NODELAY = SockOption.TCP_NODELAY;
    public static final int POLLIN = PollEvent.POLLIN;
    public static final int POLLOUT = PollEvent.POLLOUT;
    public static final int POLLERR = PollEvent.POLLERR;
    public static final int POLLHUP = PollEvent.POLLHUP;
    public static final int POLLNVAL = PollEvent.POLLNVAL;

    private static final Duration COMMAND_TIME_LIMIT = Duration.ofSeconds(5);
    private static final int COMMAND_OUTPUT_LIMIT = 64 * 1024;

    private Python() {
    }

    /** {@code socket.socket(family, type)}: a new socket, not yet bound or connected. */
    public static PySocket socket(Family family, Kind type) {
        RunningProgram program = Programs.current();
        return Programs.call(program, "socket()", () -> new PySocket(program, program.open(family, type)));
    }

    /** {@code socket.socket()}: TCP over IPv4, Python's default. */
    public static PySocket socket() {
        return socket(AF_INET, SOCK_STREAM);
    }

    /** The address tuple {@code (host, port)}; {@code ""} as host means every local address. */
    public static Address addr(String host, int port) {
        return new Address(host.indexOf(':') >= 0 ? AF_INET6 : AF_INET, host, port);
    }

    /** A bytes literal: {@code b("abc")} is Python's {@code b'abc'} (text encoded as UTF-8). */
    public static PyBytes b(String text) {
        return PyBytes.utf8(text);
    }

    /** {@code data.decode()}: bytes to text, as UTF-8. */
    public static String decode(PyBytes data) {
        return new String(data.toArray(), StandardCharsets.UTF_8);
    }

    public static int len(PyBytes data) {
        return data.length();
    }

    public static int len(CharSequence text) {
        return text.length();
    }

    public static int len(Collection<?> items) {
        return items.size();
    }

    /** {@code sys.argv}: the program's name, then its arguments. */
    public static List<String> argv() {
        return Programs.current().argv();
    }

    /** {@code sys.argv[index]}, with a message that says what is missing. */
    public static String argv(int index) {
        List<String> argv = argv();
        if (index < 0 || index >= argv.size()) {
            throw new PyException("IndexError", "list index out of range: sys.argv[" + index
                    + "] is missing; this program was given " + repr(argv.subList(Math.min(1, argv.size()), argv.size())));
        }
        return argv.get(index);
    }

    /**
     * Sets the arguments that {@link #argv(int)} returns, as assigning {@code sys.argv} does:
     * handy in an interactive jshell before {@code /open} of a script.
     */
    public static void setArgv(String... arguments) {
        RunningProgram program = Programs.current();
        List<String> values = new ArrayList<>();
        values.add(program.argv().isEmpty() ? "jshell" : program.argv().get(0));
        values.addAll(Arrays.asList(arguments));
        program.argv(values);
    }

    /**
     * Types these lines for the next {@code input()} calls, before the keyboard is read: jshell
     * gives a script run with {@code /open} no keyboard, so this is how to answer it there.
     */
    public static void setInput(String... lines) {
        Programs.current().typeAhead(Arrays.asList(lines));
    }

    /** Python 3's {@code input()} (Python 2's {@code raw_input()}): one line from the keyboard. */
    public static String input() {
        return input("");
    }

    public static String input(String prompt) {
        String line;
        try {
            line = Programs.current().input(prompt);
        } catch (SockError e) {
            throw PyException.from(e);
        } catch (IOException e) {
            throw new PyException("OSError", "cannot read the keyboard: " + e.getMessage());
        }
        if (line == null) {
            throw new PyException("EOFError", "EOF when reading a line");
        }
        return line;
    }

    /** Python's {@code print}: each value as {@link #str}, separated by spaces, then a newline. */
    public static void print(Object... values) {
        StringBuilder line = new StringBuilder();
        for (Object value : values) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(str(value));
        }
        Programs.current().write(line.append('\n').toString());
    }

    /** {@code sys.stdout}, for {@code writelines}. */
    public static PyWriter stdout() {
        return new PyWriter(Programs.current());
    }

    /** Python's {@code str()}: text as is, {@code True}/{@code False}/{@code None}, lists of reprs. */
    public static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Address address && address.family() == Family.AF_UNIX && !address.isAbstract()) {
            // Python's AF_UNIX address is a str (bytes for an abstract name), printed unquoted.
            return address.host();
        }
        return repr(value);
    }

    /** Python's {@code repr()}: quoted text, {@code b'...'} bytes, tuples and lists as Python writes them. */
    public static String repr(Object value) {
        return PyRepr.of(value);
    }

    /**
     * {@code select.select(read, write, except)}: waits until one socket is ready, then says
     * which are.
     */
    public static Readiness<PySocket> select(List<PySocket> read, List<PySocket> write, List<PySocket> except) {
        return select(read, write, except, null);
    }

    /** As above, waiting at most {@code timeout} seconds; null waits for ever, 0.0 only looks. */
    public static Readiness<PySocket> select(List<PySocket> read, List<PySocket> write, List<PySocket> except, Double timeout) {
        RunningProgram program = Programs.current();
        if (timeout != null && timeout < 0) {
            throw new ValueError("timeout must be non-negative");
        }
        return Programs.select(program, "select()", read, write, except, timeout);
    }

    /**
     * {@code os.unlink(path)}: removes a file, such as the one an AF_UNIX bind made and close
     * left. A server removes a stale one before its bind, or the bind raises {@code [Errno 98]}.
     */
    public static void unlink(String path) {
        try {
            SocketFile.unlink(path);
        } catch (SockError e) {
            throw PyException.from(e);
        }
    }

    /** {@code select.poll()}: register sockets with the events wanted, then {@code poll}. */
    public static PyPoll poll() {
        return new PyPoll(Programs.current());
    }

    /**
     * A safe {@code os.popen(request).readlines()}: runs the program named by {@code request}
     * only if it is one of {@code allowed}, with no arguments and no shell, for at most five
     * seconds, keeping at most 64 KiB of its output. Anything else runs nothing and returns no
     * lines; the reason is printed, as the shell behind {@code os.popen} would print it.
     */
    public static List<String> popenOnly(PyBytes request, String... allowed) {
        RunningProgram program = Programs.current();
        AllowedCommand.Result result = AllowedCommand.run(decode(request).trim(), List.of(allowed),
                COMMAND_TIME_LIMIT, COMMAND_OUTPUT_LIMIT);
        if (result.problem() != null) {
            program.write(result.problem() + "\n");
        }
        return result.lines();
    }
}
