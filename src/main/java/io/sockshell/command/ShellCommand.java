package io.sockshell.command;

import io.sockshell.engine.Family;
import io.sockshell.engine.FsNames;
import io.sockshell.engine.Holding;
import io.sockshell.engine.LineFile;
import io.sockshell.engine.PyBytes;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockError;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every shell command: one Picocli command per socket call. Results go to the
 * writer Picocli was given; engine errors propagate to the session's one handler, which prints
 * CPython's line for them.
 */
public abstract class ShellCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected final ShellContext context;

    protected ShellCommand(ShellContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() throws SockError, UsageError {
        run();
        return 0;
    }

    protected abstract void run() throws SockError, UsageError;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints a call's result as the REPL would; Python's REPL prints nothing for None. */
    protected void result(Object value) {
        result(value, null);
    }

    protected void result(Object value, Display.DataStyle style) {
        PrintWriter out = out();
        out.println(context.display().render(value, style));
        out.flush();
    }

    protected Sock sock(String name) throws SockError {
        return context.table().socket(name);
    }

    protected LineFile file(String name) throws SockError {
        return context.table().file(name);
    }

    /** An argument that may be quoted: {@code ""} is the empty host, {@code "a b"} keeps its space. */
    public static String text(String raw) throws UsageError {
        if (quoted(raw)) {
            return new String(data(raw).toArray(), StandardCharsets.UTF_8);
        }
        return raw;
    }

    /**
     * An AF_UNIX path: quoted text or a bytes literal with Python's escapes, or a bare word. Bytes
     * that are not UTF-8 are kept as CPython keeps them in a str ({@link FsNames}): written
     * {@code b'\xff'} or {@code "\udcff"}, either is the byte 0xff. Any other lone surrogate has
     * no bytes, and the call fails with CPython's {@code UnicodeEncodeError}, before any system call.
     */
    public static String path(String raw) throws UsageError, SockError {
        return isLiteral(raw) ? FsNames.fsdecode(FsNames.fsencode(str(raw))) : raw;
    }

    /**
     * The host of an IP address, which may be quoted as {@link #text} is. A host holding a
     * surrogate fails as CPython's IDNA encoding of it does, before any lookup.
     */
    public static String host(String raw) throws UsageError, SockError {
        if (!quoted(raw)) {
            return raw;
        }
        int[] host = str(raw);
        for (int c : host) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                throw SockError.plain("TypeError", "encoding of hostname failed");
            }
        }
        return new String(host, 0, host.length);
    }

    /**
     * A quoted or bytes literal as the Python str it stands for, in code points (a lone
     * surrogate stays one): see {@link DataLiteral#parseStr}.
     */
    public static int[] str(String raw) throws UsageError {
        try {
            return DataLiteral.parseStr(raw);
        } catch (DataLiteral.BadLiteral e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Quoted text or a bytes literal, as opposed to a bare word. */
    private static boolean isLiteral(String raw) {
        return quoted(raw) || !raw.isEmpty() && (raw.charAt(0) == 'b' || raw.charAt(0) == 'B') && quoted(raw.substring(1));
    }

    private static boolean quoted(String raw) {
        return raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'');
    }

    public static PyBytes data(String raw) throws UsageError {
        try {
            return DataLiteral.parse(raw);
        } catch (DataLiteral.BadLiteral e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** Where a call goes: an IP socket's host and port, or an AF_UNIX socket's path with port 0. */
    protected record Destination(String host, int port) {
    }

    /**
     * The address words of a call on {@code sock}, as CPython takes its address: {@code HOST PORT}
     * for an IP socket (HOST may be quoted, PORT may be {@code NAME.port}), one {@code PATH} for an
     * AF_UNIX socket (quoted text or a bytes literal, so that an abstract name is written as
     * CPython takes it: {@code "\0name"} or {@code b"\x00name"}).
     */
    protected Destination destination(Sock sock, String hostOrPath, String port) throws UsageError, SockError {
        if (sock.family() == Family.AF_UNIX) {
            if (port != null) {
                throw new UsageError("an AF_UNIX address is one PATH, not HOST PORT (usage: "
                        + HelpCommand.oneLineSynopsis(spec.commandLine()) + ")");
            }
            return new Destination(path(hostOrPath), 0);
        }
        if (port == null) {
            throw new UsageError("missing required parameter: 'PORT' (usage: "
                    + HelpCommand.oneLineSynopsis(spec.commandLine()) + ")");
        }
        return new Destination(host(hostOrPath), port(port));
    }

    /** A port number, or {@code NAME.port} for the port socket NAME is bound to (or program NAME listens on). */
    protected int port(String raw) throws UsageError, SockError {
        if (raw.endsWith(".port")) {
            String name = raw.substring(0, raw.length() - ".port".length());
            Optional<Holding> held = context.table().held(name);
            if (held.isPresent()) {
                return held.get().port().orElseThrow(() -> SockError.plain("OSError", name + " listens on no port"));
            }
            int port = sock(name).getsockname().port();
            if (port == 0) {
                throw new UsageError(raw + ": socket " + name + " is not bound to a port yet (bind or connect it first)");
            }
            return port;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new UsageError("port must be a number or NAME.port, not '" + raw + "'");
        }
    }

    /**
     * A receive size as CPython takes it: any integer that fits a C {@code ssize_t}. Sizes past
     * 2**31-1 read no more than the engine's largest read would anyway, so they are capped.
     */
    protected static int bufsize(String raw) throws UsageError, SockError {
        try {
            // The usual size fits a long, and parsing it as one is much cheaper than a BigInteger;
            // both read the same digits, so anything else is left to the BigInteger below.
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(raw)));
        } catch (NumberFormatException e) {
            // Too large for a long, or not a number: the BigInteger tells which.
        }
        BigInteger value;
        try {
            value = new BigInteger(raw);
        } catch (NumberFormatException e) {
            throw new UsageError("BUFSIZE must be a whole number, not '" + raw + "'");
        }
        if (value.bitLength() > 63) {
            throw SockError.plain("OverflowError", "Python int too large to convert to C ssize_t");
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.longValue()));
    }

    /** A background job's number, as {@code 1} or {@code %1}. */
    protected static int jobNumber(String raw) throws UsageError {
        return integer(raw.startsWith("%") ? raw.substring(1) : raw, "JOB");
    }

    protected static int integer(String raw, String what) throws UsageError {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new UsageError(what + " must be a whole number, not '" + raw + "'");
        }
    }

    /** Seconds as Python takes them: a number, or None for "no limit". */
    protected static Double seconds(String raw, String what) throws UsageError {
        if (raw.equals("None") || raw.equals("none")) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageError(what + " must be a number of seconds or None, not '" + raw + "'");
        }
    }

    /**
     * A flag Python reads as an integer ({@code setblocking}): any whole number that fits a C
     * long, nonzero meaning true, or {@code True}/{@code False}. Python refuses words.
     */
    protected static boolean integerFlag(String raw, String what) throws UsageError, SockError {
        if (raw.equals("True") || raw.equals("False")) {
            return raw.equals("True");
        }
        BigInteger value;
        try {
            value = new BigInteger(raw);
        } catch (NumberFormatException e) {
            throw new UsageError(what + " must be an integer (0 is false) or True/False, as in Python, not '" + raw + "'");
        }
        if (value.bitLength() > 63) {
            throw SockError.plain("OverflowError", "Python int too large to convert to C long");
        }
        return value.signum() != 0;
    }

    /** A setting's switch: 0/1, True/False, on/off, yes/no. */
    protected static boolean flag(String raw, String what) throws UsageError {
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> throw new UsageError(what + " must be 0 or 1 (or True/False), not '" + raw + "'");
        };
    }
}
