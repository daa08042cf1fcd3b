package io.sockshell.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a few lines of Python socket code against the engine, one line at a time, and prints
 * what each line gives the way the Python harness in {@link PythonFidelityTest} prints it:
 * {@code ok} for an assignment, {@code repr(value)} for an expression, CPython's last
 * traceback line for an error. It understands only the small subset of Python the fidelity
 * scenarios use: literals, tuples, lists, names, calls, method calls and {@code a, b = ...}.
 */
final class CallScript implements AutoCloseable {
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_]\\w*(?:\\s*,\\s*[A-Za-z_]\\w*)*)\\s*=(?!=)(.*)$");
    private static final Pattern PORT = Pattern.compile("\\('([0-9a-f.:]*)', [1-9][0-9]*");
    private static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A Python tuple, printed with parentheses. */
    record Tuple(List<Object> items) {
    }

    private record Constant(String name) {
    }

    private final SocketBackend backend;
    private final Map<String, Object> names = new LinkedHashMap<>();

    CallScript(SocketBackend backend) {
        this.backend = backend;
    }

    /** Ephemeral ports differ between runs: both sides print them as PORT. */
    static String normalize(String line) {
        return PORT.matcher(line).replaceAll(m -> Matcher.quoteReplacement("('" + m.group(1) + "', PORT"));
    }

    List<String> run(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(normalize(step(line)));
        }
        return out;
    }

    String step(String line) {
        try {
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                Object value = new Parser(assignment.group(2)).parseAll();
                String[] targets = assignment.group(1).split("\\s*,\\s*");
                if (targets.length == 1) {
                    names.put(targets[0].trim(), value);
                } else {
                    List<Object> parts = unpack(value);
                    if (parts.size() != targets.length) {
                        throw new IllegalArgumentException("cannot unpack " + parts.size() + " values");
                    }
                    for (int i = 0; i < targets.length; i++) {
                        names.put(targets[i].trim(), parts.get(i));
                    }
                }
                return "ok";
            }
            return format(new Parser(line).parseAll());
        } catch (SockError e) {
            return e.pythonLine();
        } catch (RuntimeException e) {
            return "JAVA " + e;
        }
    }

    private static List<Object> unpack(Object value) {
        if (value instanceof Accepted accepted) {
            return List.of(accepted.socket(), accepted.peer());
        }
        if (value instanceof Datagram datagram) {
            return List.of(datagram.data(), datagram.from() == null ? NONE : datagram.from());
        }
        if (value instanceof Tuple tuple) {
            return tuple.items();
        }
        if (value instanceof Address address) {
            return address.family() == Family.AF_INET6
                    ? List.of(address.host(), (long) address.port(), 0L, 0L)
                    : List.of(address.host(), (long) address.port());
        }
        throw new IllegalArgumentException("cannot unpack " + value);
    }

    static String format(Object value) {
        if (value == null || value == NONE) {
            return "None";
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Double number) {
            return PyRepr.number(number);
        }
        if (value instanceof String text) {
            return PyRepr.str(text);
        }
        if (value instanceof Address address) {
            return address.pythonRepr();
        }
        if (value instanceof Datagram datagram) {
            return datagram.pythonRepr();
        }
        if (value instanceof Tuple tuple) {
            List<String> parts = tuple.items().stream().map(CallScript::format).toList();
            return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(CallScript::format).toList()) + "]";
        }
        return value.toString();
    }

    @Override
    public void close() {
        for (Object value : names.values()) {
            if (value instanceof LineFile file) {
                try {
                    file.close();
                } catch (SockError ignored) {
                    // The socket under it may be closed already; the file is closed regardless.
                }
            }
        }
        for (Object value : names.values()) {
            if (value instanceof Sock sock) {
                sock.close();
            }
        }
    }

    private String nameOf(Object value) {
        for (Map.Entry<String, Object> entry : names.entrySet()) {
            if (entry.getValue() == value) {
                return entry.getKey();
            }
        }
        return "?";
    }

    private Object call(String function, List<Object> args) throws SockError {
        switch (function) {
            case "socket" -> {
                Family family = args.isEmpty() ? Family.AF_INET : Family.valueOf(constant(args.get(0)));
                Kind kind = args.size() < 2 ? Kind.SOCK_STREAM : Kind.valueOf(constant(args.get(1)));
                return backend.open(family, kind);
            }
            case "port" -> {
                return (long) ((Sock) args.get(0)).getsockname().port();
            }
            case "linger" -> {
                ((Sock) args.get(0)).setLinger(integer(args.get(1)) != 0, integer(args.get(2)));
                return NONE;
            }
            case "sel" -> {
                Readiness<Sock> ready = backend.select(socks(args.get(0)), socks(args.get(1)), socks(args.get(2)),
                        args.get(3) == NONE ? null : number(args.get(3)));
                return new Tuple(List.of(labels(ready.readable()), labels(ready.writable()),
                        labels(ready.exceptional())));
            }
            case "pl" -> {
                Map<Sock, Integer> interest = new LinkedHashMap<>();
                for (Sock sock : socks(args.get(0))) {
                    interest.put(sock, PollEvent.POLLIN | PollEvent.POLLOUT);
                }
                List<Object> events = new ArrayList<>();
                for (PollEvent event : backend.poll(interest, (int) (long) (Long) args.get(1))) {
                    events.add(new Tuple(List.of(nameOf(event.socket()), (long) event.events())));
                }
                return events;
            }
            case "err" -> throw SockError.of(Errno.valueOf((String) args.get(0)));
            case "ntop" -> {
                return Address.compressIpv6((String) args.get(0));
            }
            default -> throw new IllegalArgumentException("unknown function " + function);
        }
    }

    private List<Object> labels(List<Sock> socks) {
        List<Object> out = new ArrayList<>();
        for (Sock sock : socks) {
            out.add(nameOf(sock));
        }
        return out;
    }

    private static List<Sock> socks(Object list) {
        List<Sock> out = new ArrayList<>();
        for (Object item : (List<?>) list) {
            out.add((Sock) item);
        }
        return out;
    }

    private Object method(Object target, String method, List<Object> args) throws SockError {
        if (target instanceof LineFile file) {
            return fileMethod(file, method, args);
        }
        Sock sock = (Sock) target;
        return switch (method) {
            case "bind" -> {
                Tuple address = (Tuple) args.get(0);
                sock.bind(host(address), integer(address.items().get(1)));
                yield NONE;
            }
            case "listen" -> {
                sock.listen(args.isEmpty() ? 128 : integer(args.get(0)));
                yield NONE;
            }
            case "accept" -> sock.accept();
            case "connect" -> {
                Tuple address = (Tuple) args.get(0);
                sock.connect(host(address), integer(address.items().get(1)));
                yield NONE;
            }
            case "connect_ex" -> {
                Tuple address = (Tuple) args.get(0);
                yield (long) sock.connectEx(host(address), integer(address.items().get(1)));
            }
            case "send" -> (long) sock.send((PyBytes) args.get(0));
            case "sendall" -> {
                sock.sendall((PyBytes) args.get(0));
                yield NONE;
            }
            case "sendto" -> {
                Tuple address = (Tuple) args.get(1);
                yield (long) sock.sendto((PyBytes) args.get(0), host(address), integer(address.items().get(1)));
            }
            case "recv" -> sock.recv(integer(args.get(0)));
            case "recvfrom" -> sock.recvfrom(integer(args.get(0)));
            case "setblocking" -> {
                Object flag = args.get(0);
                sock.setblocking(flag instanceof Boolean b ? b : integer(flag) != 0);
                yield NONE;
            }
            case "settimeout" -> {
                sock.settimeout(args.get(0) == NONE ? null : number(args.get(0)));
                yield NONE;
            }
            case "gettimeout" -> {
                Double timeout = sock.gettimeout();
                yield timeout == null ? NONE : timeout;
            }
            case "shutdown" -> {
                sock.shutdown(ShutdownHow.valueOf(constant(args.get(0))));
                yield NONE;
            }
            case "close" -> {
                sock.close();
                yield NONE;
            }
            case "getsockname" -> sock.getsockname();
            case "getpeername" -> sock.getpeername();
            case "setsockopt" -> {
                sock.setsockopt(SockOption.valueOf(constant(args.get(1))), integer(args.get(2)));
                yield NONE;
            }
            case "getsockopt" -> (long) sock.getsockopt(SockOption.valueOf(constant(args.get(1))));
            case "makefile" -> sock.makefile(args.isEmpty() ? "r" : (String) args.get(0));
            default -> throw new IllegalArgumentException("unknown socket method " + method);
        };
    }

    private static Object fileMethod(LineFile file, String method, List<Object> args) throws SockError {
        return switch (method) {
            case "readline" -> file.readline();
            case "readlines" -> file.readlines();
            case "read" -> file.read(args.isEmpty() ? -1 : integer(args.get(0)));
            case "write" -> (long) file.write(args.get(0) instanceof String text ? PyBytes.utf8(text) : (PyBytes) args.get(0));
            case "flush" -> {
                file.flush();
                yield NONE;
            }
            case "close" -> {
                file.close();
                yield NONE;
            }
            default -> throw new IllegalArgumentException("unknown file method " + method);
        };
    }

    private static String host(Tuple address) {
        return (String) address.items().get(0);
    }

    private static int integer(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        long number = (Long) value;
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("integer out of the engine's range: " + number);
        }
        return (int) number;
    }

    private static double number(Object value) {
        return value instanceof Long integer ? integer : (Double) value;
    }

    private static String constant(Object value) {
        return ((Constant) value).name();
    }

    /** A recursive-descent parser that evaluates as it goes. */
    private final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object parseAll() throws SockError {
            Object value = expression();
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text at " + at + " in " + text);
            }
            return value;
        }

        private Object expression() throws SockError {
            Object value = postfix();
            skipSpace();
            if (text.startsWith("==", at)) {
                at += 2;
                return format(value).equals(format(postfix()));
            }
            if (peek('*')) {
                at++;
                Object times = postfix();
                return ((PyBytes) value).repeat(integer(times));
            }
            return value;
        }

        private Object postfix() throws SockError {
            Object value = atom();
            while (true) {
                skipSpace();
                if (peek('.')) {
                    at++;
                    String method = identifier();
                    expect('(');
                    value = method(value, method, items(')'));
                } else if (peek('[')) {
                    at++;
                    Object index = expression();
                    expect(']');
                    value = unpack(value).get(integer(index));
                } else {
                    return value;
                }
            }
        }

        private Object atom() throws SockError {
            skipSpace();
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                List<Object> items = new ArrayList<>();
                boolean tuple = itemsInto(items, ')');
                return tuple || items.size() != 1 ? new Tuple(items) : items.get(0);
            }
            if (c == '[') {
                at++;
                return items(']');
            }
            if (c == '\'' || c == '"') {
                return PyLiterals.str(readQuoted());
            }
            if (c == 'b' && at + 1 < text.length() && (text.charAt(at + 1) == '\'' || text.charAt(at + 1) == '"')) {
                at++;
                return PyLiterals.bytes(readQuoted());
            }
            if (c == '-' || Character.isDigit(c)) {
                return numberLiteral();
            }
            String name = identifier();
            skipSpace();
            if (peek('(')) {
                at++;
                return call(name, items(')'));
            }
            return switch (name) {
                case "None" -> NONE;
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                default -> {
                    if (names.containsKey(name)) {
                        yield names.get(name);
                    }
                    if (name.equals(name.toUpperCase()) && name.indexOf('_') > 0) {
                        yield new Constant(name);
                    }
                    throw new IllegalArgumentException("name '" + name + "' is not defined");
                }
            };
        }

        private List<Object> items(char close) throws SockError {
            List<Object> items = new ArrayList<>();
            itemsInto(items, close);
            return items;
        }

        /** Reads comma-separated items up to {@code close}; true when a comma was seen. */
        private boolean itemsInto(List<Object> items, char close) throws SockError {
            boolean comma = false;
            skipSpace();
            while (!peek(close)) {
                items.add(expression());
                skipSpace();
                if (peek(',')) {
                    comma = true;
                    at++;
                    skipSpace();
                }
            }
            at++;
            return comma;
        }

        private Object numberLiteral() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || "._eE".indexOf(text.charAt(at)) >= 0
                    || ("+-".indexOf(text.charAt(at)) >= 0 && "eE".indexOf(text.charAt(at - 1)) >= 0))) {
                at++;
            }
            String literal = text.substring(start, at).replace("_", "");
            if (at < text.length() && text.charAt(at) == '*' && at + 1 < text.length() && text.charAt(at + 1) == '*') {
                at += 2;
                int exponentStart = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                return (long) Math.pow(Long.parseLong(literal), Long.parseLong(text.substring(exponentStart, at)));
            }
            return literal.contains(".") || literal.contains("e") ? (Object) Double.parseDouble(literal)
                    : (Object) Long.parseLong(literal);
        }

        /** The text of a quoted literal, escapes still in it. */
        private String readQuoted() {
            char quote = text.charAt(at++);
            int start = at;
            while (text.charAt(at) != quote) {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            return text.substring(start, at++);
        }

        private String identifier() {
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at " + at + " in " + text);
            }
            return text.substring(start, at);
        }

        private void expect(char c) {
            skipSpace();
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
            }
            at++;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void skipSpace() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
