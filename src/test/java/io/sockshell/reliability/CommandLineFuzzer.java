package io.sockshell.reliability;

import io.sockshell.session.LineSplitter;
import io.sockshell.support.FuzzText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates shell lines: real commands with arguments drawn from hostile pools, mutated valid
 * lines, random text and random bytes, huge words and huge lines. Two rewrites keep a run
 * safe without narrowing what is parsed: a host that would reach the resolver is always a
 * loopback literal (a fuzzed name must never become a DNS query or traffic off this machine),
 * and select, poll and wait always end in {@code -t 0}, so no line waits for ever by design.
 */
final class CommandLineFuzzer {
    /** The sockets and file the fuzzed session holds; see {@link FuzzedSession}. */
    static final String[] HELD = {"lst", "cli", "srv", "dg", "f", "gone"};
    private static final String[] COMMANDS = {
        "socket", "bind", "listen", "accept", "connect", "connect_ex", "send", "sendall", "sendto", "recv",
        "recvfrom", "setblocking", "settimeout", "gettimeout", "makefile", "readline", "readlines", "read", "write",
        "writelines", "flush", "shutdown", "close", "getsockname", "getpeername", "setsockopt", "getsockopt", "select",
        "poll", "sockets", "trace", "set", "jobs", "wait", "kill", "help", "exit", "quit"};
    private static final String[] TEMPLATES = {
        "recv srv 1024", "recv cli 0 --hex", "recvfrom dg 2048 --full", "send cli \"GET / HTTP/1.0\\r\\n\\r\\n\"",
        "sendall srv b'\\x00\\xff'*100", "sendto dg x'68 69' 127.0.0.1 dg.port", "settimeout cli 0.5",
        "setblocking srv 0", "readline f --hex", "read f 10", "write f \"abc\"+b'\\n'", "writelines f a b c",
        "shutdown cli wr", "setsockopt cli SOL_SOCKET SO_LINGER 1 0", "getsockopt srv IPPROTO_TCP TCP_NODELAY",
        "select -r cli,srv -w cli -t 0", "poll -r srv -w cli -t 0", "wait %1 -t 0", "kill %1", "help send",
        "set display hex", "trace on", "socket s2 AF_INET6 SOCK_DGRAM", "bind s2 ::1 0", "connect_ex cli 127.0.0.1 lst.port",
        "accept lst conn9", "makefile cli g rw", "close g", "getpeername srv", "recv srv 10 &", "sockets # all of them"};
    /** Each command and the kinds of its arguments; a trailing ? marks an optional one. */
    private static final String[][] SIGNATURES = {
        {"socket", "NAME?", "FAMILY?"}, {"bind", "SOCK", "HOST", "PORT"}, {"listen", "SOCK", "SIZE?"},
        {"accept", "SOCK", "NAME?"}, {"connect", "SOCK", "HOST", "PORT"}, {"connect_ex", "SOCK", "HOST", "PORT"},
        {"send", "SOCK", "DATA"}, {"sendall", "SOCK", "DATA"}, {"sendto", "SOCK", "DATA", "HOST", "PORT"},
        {"recv", "SOCK", "SIZE", "STYLE?"}, {"recvfrom", "SOCK", "SIZE", "STYLE?"}, {"setblocking", "SOCK", "FLAG"},
        {"settimeout", "SOCK", "SECONDS"}, {"gettimeout", "SOCK"}, {"makefile", "SOCK", "NAME?", "MODE?"},
        {"readline", "SOCK", "STYLE?"}, {"readlines", "SOCK"}, {"read", "SOCK", "SIZE?", "STYLE?"},
        {"write", "SOCK", "DATA"}, {"writelines", "SOCK", "DATA", "DATA?"}, {"flush", "SOCK"},
        {"shutdown", "SOCK", "HOW"}, {"close", "SOCK", "SOCK?"}, {"getsockname", "SOCK"}, {"getpeername", "SOCK"},
        {"setsockopt", "SOCK", "OPTION", "VALUE"}, {"getsockopt", "SOCK", "OPTION"}, {"select", "WATCH", "WATCH?"},
        {"poll", "WATCH", "WATCH?"}, {"sockets"}, {"trace", "FLAG?"}, {"set", "SETTING?"}, {"jobs"}, {"wait", "JOB?"},
        {"kill", "JOB"}, {"help", "TOPIC?"}};
    private static final Set<String> RESOLVING = Set.of("connect", "connect_ex", "bind", "sendto");
    private static final Set<String> WAITING = Set.of("select", "poll", "wait");
    private static final String[] SAFE_HOSTS = {"127.0.0.1", "'127.0.0.1'", "\"127.0.0.1\"", "::1", "''", "\"\"", "0.0.0.0"};
    private static final String[] OPTIONS = {
        "--full", "--hex", "--short", "-t", "-t0", "--timeout", "-r", "-rcli,srv", "-w", "-x", "--in", "--out", "--",
        "-", "--bogus", "-h", "--help", "-V", "--full=yes", "-r=", "-r,,", "--hex --full"};
    private static final String[] WORDS = {
        "lst.port", "cli.port", "nope.port", "dg.port", ".port", "x", "s1", "conn1", "_a", "Z9", "1a", "a-b", "\u00e9",
        "a.b", "rd", "wr", "rdwr", "SHUT_RD", "shut_wr", "3", "True", "false", "on", "off", "maybe", "None", "none",
        "SOL_SOCKET", "IPPROTO_TCP", "SO_REUSEADDR", "SO_LINGER", "TCP_NODELAY", "SO_ERROR", "SO_RCVBUF", "SO_BOGUS",
        "AF_INET", "AF_INET6", "SOCK_STREAM", "SOCK_DGRAM", "tcp", "udp", "-4", "-6", "r", "w", "rb", "rwb", "wbr", "rr",
        "display", "debug", "trace", "short", "full", "hex", "%1", "%99", "%x", "%", "data", "jobs", "0.5", "-0.1",
        "1e309", "nan"};

    private CommandLineFuzzer() {
    }

    static String line(SplittableRandom random) {
        if (FuzzText.chance(random, 0.002)) {
            return safe(huge(random));
        }
        String line = switch (random.nextInt(20)) {
            case 0, 1 -> FuzzText.anyText(random, 120);
            case 2 -> FuzzText.bytesAsText(random, 200);
            case 3, 4, 5 -> mutate(random, FuzzText.oneOf(random, TEMPLATES));
            case 6, 7, 8, 9, 10, 11, 12 -> typed(random);
            default -> command(random);
        };
        return safe(line);
    }

    private static String command(SplittableRandom random) {
        StringBuilder line = new StringBuilder(commandWord(random));
        int arguments = random.nextInt(6);
        for (int i = 0; i < arguments; i++) {
            line.append(FuzzText.oneOf(random, " ", " ", " ", "  ", "\t")).append(argument(random));
        }
        if (FuzzText.chance(random, 0.05)) {
            line.append(FuzzText.oneOf(random, " &", "&", " # comment", "#x", " \\&"));
        }
        return line.toString();
    }

    /**
     * A command with each argument drawn for its parameter (a socket where a socket goes, a
     * size where a size goes), now and then one from anywhere: this reaches past the parser
     * into the command and the engine far more often than words at random do.
     */
    private static String typed(SplittableRandom random) {
        String[] signature = FuzzText.oneOf(random, SIGNATURES);
        StringBuilder line = new StringBuilder(signature[0]);
        for (int i = 1; i < signature.length; i++) {
            if (signature[i].endsWith("?") && FuzzText.chance(random, 0.5)) {
                continue;
            }
            line.append(' ').append(FuzzText.chance(random, 0.1) ? argument(random) : ofKind(random, signature[i]));
        }
        if (FuzzText.chance(random, 0.05)) {
            line.append(' ').append(argument(random));
        }
        if (FuzzText.chance(random, 0.1)) {
            line.append(" &");
        }
        return line.toString();
    }

    private static String ofKind(SplittableRandom random, String kind) {
        return switch (kind.replace("?", "")) {
            case "SOCK" -> FuzzText.chance(random, 0.8) ? FuzzText.oneOf(random, HELD) : FuzzText.oneOf(random, WORDS);
            case "NAME" -> FuzzText.oneOf(random, "s9", "conn9", "f9", "lst", "cli", "gone", "_", "a1", "1a", "é", "x".repeat(300));
            case "SIZE" -> FuzzText.chance(random, 0.3) ? Integer.toString(random.nextInt(70_000)) : FuzzText.number(random);
            case "DATA" -> FuzzText.literal(random);
            case "HOST" -> FuzzText.oneOf(random, SAFE_HOSTS);
            case "PORT" -> FuzzText.chance(random, 0.5) ? FuzzText.oneOf(random, "lst.port", "dg.port", "cli.port", "0", "1", "65535",
                    "65536", "-1", "gone.port", "f.port") : FuzzText.number(random);
            case "SECONDS" -> FuzzText.oneOf(random, "0", "0.0", "None", "none", "-1", "1e309", "nan", "-0.0", "1e-9", "x", "0.001");
            case "FLAG" -> FuzzText.oneOf(random, "0", "1", "True", "False", "on", "off", "2", "-1", "yes", "");
            case "HOW" -> FuzzText.oneOf(random, "rd", "wr", "rdwr", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "0", "1", "2", "3", "x");
            case "OPTION" -> FuzzText.oneOf(random, "SO_REUSEADDR", "SO_REUSEPORT", "SO_KEEPALIVE", "SO_RCVBUF", "SO_SNDBUF",
                    "SO_LINGER", "SO_BROADCAST", "TCP_NODELAY", "SO_ERROR", "SOL_SOCKET SO_RCVBUF", "IPPROTO_TCP TCP_NODELAY",
                    "SO_BOGUS");
            case "VALUE" -> FuzzText.oneOf(random, "0", "1", "1 0", "0 5", "-1", "2147483647", "-2147483648", "4096", "x", "1 1 1");
            case "MODE" -> FuzzText.oneOf(random, "r", "w", "rw", "rb", "wb", "rwb", "bb", "x", "");
            case "FAMILY" -> FuzzText.oneOf(random, "AF_INET", "AF_INET6", "SOCK_DGRAM", "udp", "-6", "AF_UNIX");
            case "STYLE" -> FuzzText.oneOf(random, "--full", "--hex", "--short", "--full --hex");
            case "WATCH" -> FuzzText.oneOf(random, "-r", "-w", "-x", "--in", "--out") + " "
                    + String.join(",", FuzzText.oneOf(random, HELD), FuzzText.oneOf(random, HELD));
            case "JOB" -> FuzzText.oneOf(random, "1", "%1", "%2", "99", "%x", "-1");
            case "SETTING" -> FuzzText.oneOf(random, "display hex", "display full", "display short", "display x", "debug off",
                    "trace on", "x y");
            case "TOPIC" -> FuzzText.oneOf(random, FuzzText.oneOf(random, COMMANDS), "data", "jobs", "nope");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String commandWord(SplittableRandom random) {
        String name = FuzzText.oneOf(random, COMMANDS);
        return switch (random.nextInt(20)) {
            case 0 -> name.toUpperCase(java.util.Locale.ROOT);
            case 1 -> name.substring(0, name.length() - 1);
            case 2 -> name + FuzzText.oneOf(random, "x", "\u001b", "\u0000", "&", "\"");
            case 3 -> FuzzText.anyText(random, 8);
            default -> name;
        };
    }

    private static String argument(SplittableRandom random) {
        return switch (random.nextInt(12)) {
            case 0, 1 -> FuzzText.oneOf(random, HELD);
            case 2 -> FuzzText.number(random);
            case 3, 4 -> FuzzText.literal(random);
            case 5 -> FuzzText.oneOf(random, OPTIONS);
            case 6, 7 -> FuzzText.oneOf(random, WORDS);
            case 8 -> FuzzText.oneOf(random, SAFE_HOSTS);
            case 9 -> FuzzText.anyText(random, 16);
            case 10 -> FuzzText.bytesAsText(random, 16);
            default -> FuzzText.oneOf(random, "\"", "'") + FuzzText.anyText(random, 10) + FuzzText.oneOf(random, "\"", "'", "");
        };
    }

    private static String mutate(SplittableRandom random, String template) {
        StringBuilder line = new StringBuilder(template);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && line.length() > 0; i++) {
            int at = random.nextInt(line.length());
            switch (random.nextInt(5)) {
                case 0 -> line.deleteCharAt(at);
                case 1 -> line.insert(at, FuzzText.anyText(random, 3));
                case 2 -> line.insert(at, FuzzText.oneOf(random, "\"", "'", "\\", "#", "&", "*", "+", " "));
                case 3 -> line.setLength(at);
                default -> line.insert(at, line.substring(at, Math.min(line.length(), at + 1 + random.nextInt(8))));
            }
        }
        return line.toString();
    }

    /** A word of a megabyte, a literal that asks for far too much, or ten thousand words. */
    private static String huge(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "send cli " + "A".repeat(1 << 20);
            case 1 -> "send cli \"" + "\\x41".repeat(100_000) + "\"";
            case 2 -> "sendall srv \"abc\"*" + FuzzText.repeatCount(random) + "*" + FuzzText.repeatCount(random);
            case 3 -> "recv srv " + "9".repeat(1 + random.nextInt(5000));
            default -> "close" + " x".repeat(10_000);
        };
    }

    /**
     * Rewrites a line that would reach the resolver with a non-loopback host, and makes any
     * select, poll or wait bounded. Lines the splitter refuses go through unchanged: they never
     * reach a command.
     */
    static String safe(String line) {
        LineSplitter.Split split;
        try {
            split = LineSplitter.split(line);
        } catch (LineSplitter.UnbalancedQuote e) {
            return line;
        }
        if (split.isEmpty()) {
            return line;
        }
        List<String> words = new ArrayList<>(split.words());
        String command = words.get(0);
        if (RESOLVING.contains(command)) {
            return String.join(" ", safeHost(words)) + (split.background() ? " &" : "");
        }
        if (WAITING.contains(command)) {
            words.add("-t");
            words.add("0");
            return String.join(" ", words);
        }
        return line;
    }

    /**
     * These commands take positional arguments only, so Picocli places the words in order
     * after dropping the first {@code --}. When they fill the arity exactly the command runs,
     * and the word in the host's place must be a loopback literal.
     */
    private static List<String> safeHost(List<String> words) {
        List<String> positional = new ArrayList<>();
        boolean endOfOptions = false;
        for (String word : words.subList(1, words.size())) {
            if (word.equals("--") && !endOfOptions) {
                endOfOptions = true;
                continue;
            }
            positional.add(word);
        }
        String command = words.get(0);
        int arity = command.equals("sendto") ? 4 : 3;
        int hostIndex = command.equals("sendto") ? 2 : 1;
        if (positional.size() != arity || isSafeHost(positional.get(hostIndex))) {
            return words;
        }
        positional.set(hostIndex, "127.0.0.1");
        List<String> rewritten = new ArrayList<>();
        rewritten.add(command);
        rewritten.addAll(positional);
        return rewritten;
    }

    private static boolean isSafeHost(String word) {
        for (String host : SAFE_HOSTS) {
            if (host.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
