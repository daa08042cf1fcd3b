package io.sockshell.export;

import io.sockshell.command.Commands;
import io.sockshell.command.DataLiteral;
import io.sockshell.command.Options;
import io.sockshell.command.ShellCommand;
import io.sockshell.command.UsageError;
import io.sockshell.engine.SockError;
import io.sockshell.engine.SockOption;
import io.sockshell.session.LineSplitter;
import io.sockshell.transcript.ExportStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Turns one shell command at a time into Python statements. Each command's arguments are read
 * by the command's own Picocli parser (so options, aliases and arities are the shell's), then
 * written as the Python call the command makes. It keeps what the later commands need: which
 * Python variable each party's socket or file is, which files are text files, each party's
 * jobs, and which captures are bound.
 */
final class Translator {
    /** Stands for a capture's use while the command line is split into words: a capture is a whole word. */
    private static final char CAPTURE_OPEN = '\uE000';
    private static final char CAPTURE_CLOSE = '\uE001';
    /** The longest statements written on the line of their {@code with step():}. */
    private static final int ONE_LINE = 100;
    /** A bytes literal that reads the same as a str literal once its b is gone: ASCII, escapes included. */
    private static final Pattern ASCII_BYTES = Pattern.compile(
            "b'(?:[^'\\\\]|\\\\[\\\\'\"tnr]|\\\\x[0-7][0-9a-f])*'|b\"(?:[^\"\\\\]|\\\\[\\\\'\"tnr]|\\\\x[0-7][0-9a-f])*\"");
    /**
     * An output line binding the port of an address, as the transcript core writes it for
     * Python: {@code \('0\.0\.0\.0', (?P<port>\d+)\)}; group 1 is the capture's name.
     */
    private static final Pattern ADDRESS_PORT = Pattern.compile("\\\\\\('[^']*', \\(\\?P<(\\w+)>\\\\d\\+\\)\\\\\\)");
    /** A number Python reads as written. */
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    /** Names the program already uses: Python's keywords and builtins it calls, its modules and helpers. */
    private static final Set<String> TAKEN = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case", "type", "print", "open", "int", "len", "repr", "range", "list", "str",
            "bytes", "globals", "os", "re", "select", "socket", "struct", "sys", "threading", "time", "emit", "step",
            "show", "show_data", "shown_data", "show_datagram", "hex_dump", "recv_until_eof", "label", "show_ready",
            "POLL_NAMES", "show_events", "capture", "Jobs", "SHELL_NAMES", "exception_line", "addr", "poller", "data",
            "job");
    /** Commands that have no Python call, each with what it is instead. */
    private static final Map<String, String> SHELL_ONLY = Map.ofEntries(
            Map.entry("sockets", "the shell's own table of sockets"),
            Map.entry("netstat", "the shell's view of the kernel's TCP table"),
            Map.entry("trace", "shows the system calls the shell makes"),
            Map.entry("set", "a setting of the shell"),
            Map.entry("help", "the shell's help"),
            Map.entry("exit", "leaves the shell"),
            Map.entry("quit", "leaves the shell"),
            Map.entry("kill", "a Python thread cannot be cancelled"),
            Map.entry("export", "the shell's export"));

    private final List<String> parties;
    private final Map<String, String> carriedFiles;
    private final Map<String, Class<? extends ShellCommand>> types = Commands.byName();
    private final Map<Class<?>, Arguments.Reader> readers = new HashMap<>();
    /** Each party's names, as {@code party + '\0' + name}, to their Python variables. */
    private final Map<String, String> variables = new HashMap<>();
    /** Python variables in use, taken from {@link #TAKEN} and every name given out. */
    private final Set<String> used = new HashSet<>(TAKEN);
    /** Variables whose shell name differs, for the program's labels of sockets. */
    private final Map<String, String> shellNames = new LinkedHashMap<>();
    /** Files of each party in text mode (read and written as str), by key. */
    private final Set<String> textFiles = new HashSet<>();
    /** Names each party has used, for the shell's automatic names (s1, conn1, f1). */
    private final Map<String, Set<String>> partyNames = new HashMap<>();
    private final Map<String, Integer> nameCounters = new HashMap<>();
    private final Map<String, Integer> jobCounts = new HashMap<>();
    private final Map<String, String> captureVariables = new HashMap<>();
    private final Map<String, String> fileConstants = new LinkedHashMap<>();
    /** The AF_UNIX sockets, by key: their bind and connect take a path, not a host and port. */
    private final Set<String> unixSockets = new HashSet<>();

    Translator(List<String> parties, Map<String, String> carriedFiles) {
        this.parties = parties;
        this.carriedFiles = carriedFiles;
        for (String file : carriedFiles.keySet()) {
            fileConstants.put(file, fresh(file.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_")));
        }
    }

    /** The constants and objects the steps use: carried files, shell names, each party's jobs. */
    void header(StringBuilder program) {
        for (Map.Entry<String, String> file : fileConstants.entrySet()) {
            program.append(file.getValue()).append(" = ")
                    .append(PythonText.bytes(carriedFiles.get(file.getKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .append("  # %file ").append(file.getKey()).append('\n');
        }
        if (!shellNames.isEmpty()) {
            program.append("SHELL_NAMES = {");
            String separator = "";
            for (Map.Entry<String, String> name : shellNames.entrySet()) {
                program.append(separator).append(PythonText.str(name.getKey())).append(": ")
                        .append(PythonText.str(name.getValue()));
                separator = ", ";
            }
            program.append("}  # the shell's names of the sockets renamed here\n");
        }
        for (String party : parties) {
            if (jobCounts.containsKey(party)) {
                program.append(jobs(party)).append(" = Jobs()").append(parties.size() > 1 ? "  # " + party + "'s" : "  # the")
                        .append(" background jobs\n");
            }
        }
    }

    /**
     * Writes the step's statements to {@code out}; returns null when it was exported as a step
     * (its output is the step's), or why it became a comment (empty for a line that is only a
     * comment in the shell too).
     */
    String translate(ExportStep step, StringBuilder out) {
        if (step.pythonSkip() != null) {
            return comment(out, step, "left out: " + step.pythonSkip());
        }
        String line = filled(step.pieces());
        LineSplitter.Split split;
        try {
            split = LineSplitter.split(line);
        } catch (LineSplitter.UnbalancedQuote e) {
            return comment(out, step, "not exported, the shell refuses it: " + e.getMessage());
        }
        if (split.isEmpty()) {
            out.append("# ").append(step.command()).append('\n');
            return "";
        }
        List<String> words = split.words();
        String name = words.get(0);
        if (SHELL_ONLY.containsKey(name)) {
            return comment(out, step, "shell only: " + SHELL_ONLY.get(name));
        }
        Class<? extends ShellCommand> type = types.get(name);
        if (type == null) {
            return comment(out, step, "not exported: no such command");
        }
        Statements statements = new Statements();
        try {
            Arguments parsed = parse(type, words.subList(1, words.size()));
            call(step.party(), name, parsed, statements);
        } catch (CommandLine.ParameterException | UsageError | DataLiteral.BadLiteral e) {
            return comment(out, step, "not exported, the shell refuses it: " + e.getMessage());
        }
        Map<String, String> bindings = step.bindings();
        if (split.background()) {
            if (name.equals("wait")) {
                return comment(out, step, "not exported: wait cannot run in the background");
            }
            background(step, line, statements, out);
        } else {
            bindings = portOfTheAddress(name, bindings, statements);
            stepBlock(statements, "", out);
        }
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            out.append(captureVariable(binding.getKey())).append(" = capture(").append(PythonText.str(binding.getKey()))
                    .append(", ").append(PythonText.regex(binding.getValue())).append(")\n");
        }
        return null;
    }

    /**
     * The tutorial's way to learn a port, where a capture is just that: the port of the address
     * getsockname, getpeername or accept printed ({@code port = addr[1]}). Returns the bindings
     * still to be read back from the output.
     */
    private Map<String, String> portOfTheAddress(String command, Map<String, String> bindings, Statements statements) {
        if (bindings.size() != 1 || !List.of("getsockname", "getpeername", "accept").contains(command)) {
            return bindings;
        }
        Map.Entry<String, String> binding = bindings.entrySet().iterator().next();
        Matcher port = ADDRESS_PORT.matcher(binding.getValue());
        if (!port.matches() || !port.group(1).equals(binding.getKey())) {
            return bindings;
        }
        String shown = statements.lines.get(statements.lines.size() - 1);
        if (!command.equals("accept")) {
            // show(s.getsockname()) becomes addr = s.getsockname(); show(addr)
            statements.lines.set(statements.lines.size() - 1, "addr = " + shown.substring("show(".length(), shown.length() - 1));
            statements.add("show(addr)");
        } else if (!shown.equals("show(addr)")) {
            return bindings;
        }
        statements.add(captureVariable(binding.getKey()) + " = addr[1]");
        return Map.of();
    }

    /** Writes the step as a comment saying why; returns why. */
    private static String comment(StringBuilder out, ExportStep step, String why) {
        out.append("# ").append(step.display().replace('\n', ' ')).append("  (").append(why.replace('\n', ' '))
                .append(")\n");
        return why;
    }

    /** {@code with step(): ...} on one line when it fits, else as a block. */
    private static void stepBlock(Statements statements, String indent, StringBuilder out) {
        if (statements.simple() && statements.length() <= ONE_LINE) {
            out.append(indent).append("with step(): ").append(String.join("; ", statements.lines)).append('\n');
            return;
        }
        out.append(indent).append("with step():\n");
        for (String statement : statements.lines) {
            out.append(indent).append("    ").append(statement).append('\n');
        }
    }

    private void background(ExportStep step, String line, Statements statements, StringBuilder out) {
        int number = jobCounts.merge(step.party(), 1, Integer::sum);
        String function = fresh((parties.size() > 1 ? PythonText.identifier(step.party()) + "_" : "") + "job" + number);
        out.append("def ").append(function).append("():\n");
        if (!statements.assigned.isEmpty()) {
            out.append("    global ").append(String.join(", ", statements.assigned)).append('\n');
        }
        stepBlock(statements, "    ", out);
        String text = line.strip();
        text = text.substring(0, text.length() - 1).strip();
        out.append("with step(): ").append(jobs(step.party())).append(".start(").append(textExpression(text)).append(", ").append(function)
                .append(")\n");
    }

    private String jobs(String party) {
        return parties.size() > 1 ? PythonText.identifier(party) + "_jobs" : "jobs";
    }

    /** The command with each capture's use as a marked word, to be written as its variable. */
    private static String filled(List<String> pieces) {
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i % 2 == 0) {
                line.append(pieces.get(i));
            } else {
                line.append(CAPTURE_OPEN).append(pieces.get(i)).append(CAPTURE_CLOSE);
            }
        }
        return line.toString();
    }

    /** Text that may hold captures, as a Python expression: {@code 'connect c localhost ' + port}. */
    private String textExpression(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(CAPTURE_OPEN, from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf(CAPTURE_CLOSE, open);
            if (open > from) {
                parts.add(PythonText.str(text.substring(from, open)));
            }
            parts.add("str(" + captureVariable(text.substring(open + 1, close)) + ")");
            from = close + 1;
        }
        if (from < text.length() || parts.isEmpty()) {
            parts.add(PythonText.str(text.substring(from)));
        }
        return String.join(" + ", parts);
    }

    private String captureVariable(String name) {
        return captureVariables.computeIfAbsent(name, this::fresh);
    }

    private static String captureIn(String word) {
        if (word.length() > 2 && word.charAt(0) == CAPTURE_OPEN && word.charAt(word.length() - 1) == CAPTURE_CLOSE
                && word.indexOf(CAPTURE_OPEN, 1) < 0) {
            return word.substring(1, word.length() - 1);
        }
        return null;
    }

    private Arguments parse(Class<? extends ShellCommand> type, List<String> arguments) {
        return readers.computeIfAbsent(type, unused -> new Arguments.Reader(Commands.single(null, type))).read(arguments);
    }

    /** The Python statements of one command: the calls it makes and how the shell shows their results. */
    private void call(String party, String command, Arguments spec, Statements out)
            throws UsageError, DataLiteral.BadLiteral {
        switch (command) {
            case "socket" -> socket(party, spec, out);
            case "unlink" -> out.add("os.unlink(" + path(spec.positional("PATH")) + ")");
            case "bind", "connect" -> out.add(sock(party, spec.positional("SOCKET")) + "." + command + "("
                    + address(party, command, spec) + ")");
            case "connect_ex" -> out.add("show(" + sock(party, spec.positional("SOCKET")) + ".connect_ex("
                    + address(party, command, spec) + "))");
            case "listen" -> {
                String backlog = spec.positional("BACKLOG");
                out.add(sock(party, spec.positional("SOCKET")) + ".listen(" + (backlog == null ? "" : integer(backlog, "BACKLOG"))
                        + ")");
            }
            case "accept" -> accept(party, spec, out);
            case "send" -> out.add("show(" + sock(party, spec.positional("SOCKET")) + ".send("
                    + data(spec.positional("DATA")) + "))");
            case "sendall" -> sendall(party, spec, out);
            case "sendto" -> out.add("show(" + sock(party, spec.positional("SOCKET")) + ".sendto("
                    + data(spec.positional("DATA")) + ", " + address(party, command, spec) + "))");
            case "recv" -> recv(party, spec, out);
            case "recvfrom" -> out.add("show_datagram(" + sock(party, spec.positional("SOCKET")) + ".recvfrom("
                    + integer(spec.positional("BUFSIZE"), "BUFSIZE") + ")" + style(spec) + ")");
            case "setblocking" -> out.add(sock(party, spec.positional("SOCKET")) + ".setblocking("
                    + flag(spec.positional("FLAG")) + ")");
            case "settimeout" -> out.add(sock(party, spec.positional("SOCKET")) + ".settimeout("
                    + seconds(spec.positional("SECONDS")) + ")");
            // The shell shows None here, where Python's REPL would print nothing.
            case "gettimeout" -> out.add("emit(repr(" + sock(party, spec.positional("SOCKET")) + ".gettimeout()))");
            case "makefile" -> makefile(party, spec, out);
            case "readline" -> out.add("show_data(" + file(party, spec.positional("FILE")) + ".readline()" + style(spec) + ")");
            case "readlines" -> out.add("show(" + file(party, spec.positional("FILE")) + ".readlines())");
            case "read" -> {
                String size = spec.positional("SIZE");
                out.add("show_data(" + file(party, spec.positional("FILE")) + ".read("
                        + (size.equals("-1") ? "" : integer(size, "SIZE")) + ")" + style(spec) + ")");
            }
            case "write" -> {
                String file = spec.positional("FILE");
                out.add("show(" + file(party, file) + ".write(" + fileData(party, file, spec.positional("DATA")) + "))");
            }
            case "writelines" -> {
                String file = spec.positional("FILE");
                List<String> items = new ArrayList<>();
                for (String item : spec.list("DATA")) {
                    items.add(fileData(party, file, item));
                }
                out.add(file(party, file) + ".writelines([" + String.join(", ", items) + "])");
            }
            case "flush" -> out.add(file(party, spec.positional("FILE")) + ".flush()");
            case "shutdown" -> out.add(sock(party, spec.positional("SOCKET")) + ".shutdown(socket."
                    + shutdownHow(spec.positional("HOW")) + ")");
            case "close" -> {
                for (String name : spec.list("NAME")) {
                    out.add(existing(party, name) + ".close()");
                }
            }
            case "getsockname", "getpeername" -> out.add("show(" + sock(party, spec.positional("SOCKET")) + "."
                    + command + "())");
            case "setsockopt" -> setsockopt(party, spec, out);
            case "getsockopt" -> getsockopt(party, spec, out);
            case "select" -> select(party, spec, out);
            case "poll" -> poll(party, spec, out);
            case "jobs" -> {
                jobCounts.putIfAbsent(party, 0);
                out.add(jobs(party) + ".list()");
            }
            case "wait" -> wait(party, spec, out);
            default -> throw new UsageError("no Python equivalent of " + command);
        }
    }

    private void socket(String party, Arguments spec, Statements out) throws UsageError {
        String name = null;
        String family = "AF_INET";
        String kind = "SOCK_STREAM";
        for (String word : spec.list("NAME|FAMILY|TYPE")) {
            switch (word.toUpperCase(Locale.ROOT)) {
                case "AF_INET", "INET", "IPV4", "-4" -> family = "AF_INET";
                case "AF_INET6", "INET6", "IPV6", "-6" -> family = "AF_INET6";
                case "AF_UNIX", "UNIX" -> family = "AF_UNIX";
                case "SOCK_STREAM", "STREAM", "TCP" -> kind = "SOCK_STREAM";
                case "SOCK_DGRAM", "DGRAM", "UDP" -> kind = "SOCK_DGRAM";
                default -> {
                    if (name != null || !isName(word)) {
                        throw new UsageError("'" + word + "' is not a valid name, family or type");
                    }
                    name = word;
                }
            }
        }
        String chosen = name == null ? automaticName(party, "s") : name;
        String variable = define(party, chosen, false);
        if (family.equals("AF_UNIX")) {
            unixSockets.add(key(party, chosen));
        } else {
            unixSockets.remove(key(party, chosen));
        }
        out.assign(variable, variable + " = socket.socket(socket." + family + ", socket." + kind + ")");
        if (name == null) {
            out.add("emit(" + PythonText.str(chosen) + ")");
        }
    }

    private void accept(String party, Arguments spec, Statements out) throws UsageError {
        String listener = sock(party, spec.positional("SOCKET"));
        String name = spec.positional("NAME");
        String chosen = name == null ? automaticName(party, "conn") : name;
        String variable = define(party, chosen, false);
        out.assign(variable, variable + ", addr = " + listener + ".accept()");
        out.add(name == null ? "emit(" + PythonText.str(chosen + " ") + " + repr(addr))" : "show(addr)");
    }

    private void sendall(String party, Arguments spec, Statements out) throws UsageError, DataLiteral.BadLiteral {
        String call = sock(party, spec.positional("SOCKET")) + ".sendall(" + data(spec.positional("DATA")) + ")";
        String repeat = spec.option("--repeat");
        if (repeat == null) {
            out.add(call);
            return;
        }
        String times = integer(repeat, "N");
        out.block("for _ in range(" + times + "):", call);
    }

    private void recv(String party, Arguments spec, Statements out) throws UsageError {
        String sock = sock(party, spec.positional("SOCKET"));
        String size = integer(spec.positional("BUFSIZE"), "BUFSIZE");
        if (spec.given("--until-eof")) {
            out.add("recv_until_eof(" + sock + ", " + size + ")");
        } else {
            out.add("show_data(" + sock + ".recv(" + size + ")" + style(spec) + ")");
        }
    }

    private void makefile(String party, Arguments spec, Statements out) throws UsageError {
        String sock = sock(party, spec.positional("SOCKET"));
        String name = spec.positional("NAME");
        String mode = spec.positional("MODE");
        if (mode == null && name != null && name.matches("[rwb]{1,3}")) {
            mode = name;
            name = null;
        }
        String chosen = name == null ? automaticName(party, "f") : name;
        String variable = define(party, chosen, true);
        String fileMode = mode == null ? "r" : mode;
        if (fileMode.contains("b")) {
            textFiles.remove(key(party, chosen));
        } else {
            textFiles.add(key(party, chosen));
        }
        out.assign(variable, variable + " = " + sock + ".makefile(" + PythonText.str(fileMode) + ")");
        if (name == null) {
            out.add("emit(" + PythonText.str(chosen) + ")");
        }
    }

    private void setsockopt(String party, Arguments spec, Statements out) throws UsageError {
        List<String> words = spec.list("[LEVEL] OPTION VALUE");
        List<String> rest = Options.dropLevel(words);
        SockOption option = Options.parse(rest.get(0));
        String sock = sock(party, spec.positional("SOCKET"));
        String levelName = levelName(words, rest, option);
        if (option == SockOption.SO_LINGER) {
            if (rest.size() != 3) {
                throw new UsageError("SO_LINGER takes two values: ONOFF SECONDS");
            }
            out.add(sock + ".setsockopt(" + levelName + ", socket.SO_LINGER, struct.pack('ii', "
                    + ("True".equals(flag(rest.get(1))) ? 1 : 0) + ", " + integer(rest.get(2), "SECONDS") + "))");
            return;
        }
        if (rest.size() != 2) {
            throw new UsageError(option + " takes one value");
        }
        out.add(sock + ".setsockopt(" + levelName + ", socket." + option + ", " + integer(rest.get(1), "VALUE") + ")");
    }

    private void getsockopt(String party, Arguments spec, Statements out) throws UsageError {
        List<String> words = spec.list("[LEVEL] OPTION");
        List<String> rest = Options.dropLevel(words);
        if (rest.size() != 1) {
            throw new UsageError("getsockopt takes SOCKET [LEVEL] OPTION");
        }
        SockOption option = Options.parse(rest.get(0));
        out.add("show(" + sock(party, spec.positional("SOCKET")) + ".getsockopt(" + levelName(words, rest, option)
                + ", socket." + option + "))");
    }

    /**
     * The level as the line names it, else the option's own. A level that is not the option's is
     * refused as the shell refuses it ({@link Options#dropLevel}): its number means another option.
     */
    private static String levelName(List<String> words, List<String> rest, SockOption option) {
        return "socket." + (rest.size() < words.size() ? words.get(0).toUpperCase(Locale.ROOT) : option.level());
    }

    private void select(String party, Arguments spec, Statements out) throws UsageError {
        String timeout = spec.option("--timeout");
        out.add("show_ready(select.select(" + socks(party, spec.list("--read")) + ", "
                + socks(party, spec.list("--write")) + ", " + socks(party, spec.list("--except"))
                + (timeout == null ? "" : ", " + seconds(timeout)) + "))");
    }

    private void poll(String party, Arguments spec, Statements out) throws UsageError {
        Map<String, String> interest = new LinkedHashMap<>();
        for (String name : spec.list("--in")) {
            interest.merge(sock(party, name), "select.POLLIN", (a, b) -> a);
        }
        for (String name : spec.list("--out")) {
            interest.merge(sock(party, name), "select.POLLOUT", (a, b) -> a.equals(b) ? a : a + " | " + b);
        }
        for (String name : spec.list("--pri")) {
            interest.merge(sock(party, name), "select.POLLPRI", (a, b) -> a.equals(b) ? a : a + " | " + b);
        }
        List<String> statements = new ArrayList<>();
        statements.add("poller = select.poll()");
        for (Map.Entry<String, String> entry : interest.entrySet()) {
            statements.add("poller.register(" + entry.getKey() + ", " + entry.getValue() + ")");
        }
        String timeout = spec.option("--timeout");
        statements.add("show_events(poller.poll(" + (timeout == null ? "" : integer(timeout, "TIMEOUT")) + "), ["
                + String.join(", ", interest.keySet()) + "])");
        statements.forEach(out::add);
    }

    private void wait(String party, Arguments spec, Statements out) throws UsageError {
        jobCounts.putIfAbsent(party, 0);
        List<String> arguments = new ArrayList<>();
        for (String job : spec.list("JOB")) {
            arguments.add(integer(job.startsWith("%") ? job.substring(1) : job, "JOB"));
        }
        String timeout = spec.option("--timeout");
        if (timeout != null) {
            arguments.add("timeout=" + seconds(timeout));
        }
        out.add(jobs(party) + ".wait(" + String.join(", ", arguments) + ")");
    }

    // Arguments, as Python expressions.

    /** The address of a bind or connect: {@code (HOST, PORT)}, or an AF_UNIX socket's one path. */
    private String address(String party, String command, Arguments spec) throws UsageError {
        String host = spec.positional("HOST|PATH");
        String port = spec.positional("PORT");
        if (unixSockets.contains(key(party, spec.positional("SOCKET")))) {
            if (port != null) {
                throw new UsageError("an AF_UNIX address is one PATH, not HOST PORT");
            }
            return path(host);
        }
        if (port == null) {
            throw new UsageError("missing required parameter: 'PORT'");
        }
        return "(" + host(host) + ", " + port(party, command, port) + ")";
    }

    /**
     * An AF_UNIX path as a Python str; captures may stand inside it, {@code /tmp/echo-[[port]].sock}
     * (their marks are private-use characters, which the path's escapes leave as they are).
     */
    private String path(String raw) throws UsageError {
        try {
            return textExpression(ShellCommand.path(raw));
        } catch (SockError unencodable) {
            return PythonText.str(ShellCommand.str(raw));
        }
    }

    private String host(String raw) throws UsageError {
        String capture = captureIn(raw);
        if (capture != null) {
            return captureVariable(capture);
        }
        try {
            return PythonText.str(ShellCommand.host(raw));
        } catch (SockError unencodable) {
            return PythonText.str(ShellCommand.str(raw));
        }
    }

    /**
     * A port as a Python expression. {@code NAME.port} reads the socket's port as the shell does,
     * refusing the line as the shell refuses it when the socket is not bound yet.
     */
    private String port(String party, String command, String raw) throws UsageError {
        String capture = captureIn(raw);
        if (capture != null) {
            return "int(" + captureVariable(capture) + ")";
        }
        if (raw.endsWith(".port")) {
            String name = raw.substring(0, raw.length() - ".port".length());
            return "bound_port(" + sock(party, name) + ", " + PythonText.str(command) + ", " + PythonText.str(name) + ")";
        }
        if (!isInteger(raw)) {
            throw new UsageError("port must be a number or NAME.port, not '" + raw + "'");
        }
        return raw;
    }

    private String data(String raw) throws UsageError, DataLiteral.BadLiteral {
        String capture = captureIn(raw);
        if (capture != null) {
            return "str(" + captureVariable(capture) + ").encode()";
        }
        if (raw.indexOf(CAPTURE_OPEN) >= 0) {
            throw new UsageError("a capture inside data is not exported");
        }
        return DataLiteral.python(raw, this::fileExpression);
    }

    /** Data for a file: bytes for a binary file, text for a text file, as Python's write takes them. */
    private String fileData(String party, String file, String raw) throws UsageError, DataLiteral.BadLiteral {
        String bytes = data(raw);
        if (!textFiles.contains(key(party, file))) {
            return bytes;
        }
        if (ASCII_BYTES.matcher(bytes).matches()) {
            return bytes.substring(1);
        }
        return isName(bytes) ? bytes + ".decode()" : "(" + bytes + ").decode()";
    }

    private String fileExpression(String path) {
        String constant = fileConstants.get(path);
        return constant != null ? constant : "open(" + PythonText.str(path) + ", 'rb').read()";
    }

    private String integer(String raw, String what) throws UsageError {
        String capture = captureIn(raw);
        if (capture != null) {
            return "int(" + captureVariable(capture) + ")";
        }
        if (!isInteger(raw)) {
            throw new UsageError(what + " must be a whole number, not '" + raw + "'");
        }
        return raw;
    }

    /** {@code -?[0-9]+}, checked by hand: it runs for most steps. */
    private static boolean isInteger(String raw) {
        int start = raw.startsWith("-") ? 1 : 0;
        if (raw.length() == start) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A name the shell takes ({@code [A-Za-z_][A-Za-z0-9_]*}), checked by hand: it runs for most steps. */
    private static boolean isName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String seconds(String raw) throws UsageError {
        if (raw.equals("None") || raw.equals("none")) {
            return "None";
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return DECIMAL.matcher(raw).matches() ? raw : Double.toString(value);
        } catch (NumberFormatException e) {
            throw new UsageError("SECONDS must be a number of seconds or None, not '" + raw + "'");
        }
    }

    private static String flag(String raw) throws UsageError {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes" -> "True";
            case "0", "false", "off", "no" -> "False";
            default -> throw new UsageError("FLAG must be 0 or 1 (or True/False), not '" + raw + "'");
        };
    }

    private static String shutdownHow(String raw) throws UsageError {
        String upper = raw.toUpperCase(Locale.ROOT);
        return switch (upper.startsWith("SHUT_") ? upper.substring(5) : upper) {
            case "RD", "0" -> "SHUT_RD";
            case "WR", "1" -> "SHUT_WR";
            case "RDWR", "2" -> "SHUT_RDWR";
            default -> throw new UsageError("HOW must be rd, wr or rdwr, not '" + raw + "'");
        };
    }

    /** The data style this line asked for. */
    private static String style(Arguments spec) {
        for (String style : List.of("full", "hex")) {
            if (spec.given("--" + style)) {
                return ", '" + style + "'";
            }
        }
        return "";
    }

    private String socks(String party, List<String> names) throws UsageError {
        List<String> variables = new ArrayList<>();
        for (String name : names) {
            variables.add(sock(party, name));
        }
        return "[" + String.join(", ", variables) + "]";
    }

    // Names.

    private String sock(String party, String name) throws UsageError {
        return existing(party, name);
    }

    private String file(String party, String name) throws UsageError {
        return existing(party, name);
    }

    /** The variable of a name the party has used; a name it never made stays as it is, so Python's NameError says the same. */
    private String existing(String party, String name) throws UsageError {
        if (!isName(name)) {
            throw new UsageError("'" + name + "' is not a name");
        }
        String variable = variables.get(key(party, name));
        return variable != null ? variable : name;
    }

    /** The variable for a name a party gives a new socket or file (the same one when it reuses the name). */
    private String define(String party, String name, boolean isFile) {
        partyNames.computeIfAbsent(party, unused -> new LinkedHashSet<>()).add(name);
        if (!isFile) {
            textFiles.remove(key(party, name));
        }
        return variables.computeIfAbsent(key(party, name), unused -> {
            String variable = used.contains(name) && !TAKEN.contains(name)
                    ? fresh(PythonText.identifier(party) + "_" + name) : fresh(name);
            if (!variable.equals(name)) {
                shellNames.put(variable, name);
            }
            return variable;
        });
    }

    /** The shell's next automatic name: the prefix and the next number no name of the party has taken. */
    private String automaticName(String party, String prefix) {
        Set<String> names = partyNames.computeIfAbsent(party, unused -> new LinkedHashSet<>());
        int next = nameCounters.getOrDefault(key(party, prefix), 0);
        String candidate;
        do {
            next++;
            candidate = prefix + next;
        } while (names.contains(candidate));
        nameCounters.put(key(party, prefix), next);
        return candidate;
    }

    /** A variable no one uses yet, {@code base} itself when it is free. */
    private String fresh(String base) {
        String candidate = base;
        while (used.contains(candidate)) {
            candidate = candidate + "_";
        }
        used.add(candidate);
        return candidate;
    }

    private static String key(String party, String name) {
        return party + '\0' + name;
    }

    /** The statements of one step, and the variables they assign (which a job's function declares global). */
    private static final class Statements {
        final List<String> lines = new ArrayList<>(2);
        final Set<String> assigned = new LinkedHashSet<>(2);
        boolean compound;

        void add(String line) {
            lines.add(line);
        }

        void assign(String variable, String line) {
            assigned.add(variable);
            lines.add(line);
        }

        void block(String header, String body) {
            compound = true;
            lines.add(header);
            lines.add("    " + body);
        }

        boolean simple() {
            return !compound;
        }

        int length() {
            int length = 0;
            for (String line : lines) {
                length += line.length() + 2;
            }
            return length;
        }
    }
}
