package io.sockshell.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generated shell sessions over a few TCP and UDP sockets on loopback, or over AF_UNIX stream or
 * datagram sockets named by paths in a folder the caller gives, misuse included: calls after
 * close, after a refused connect, twice, on unbound or shut-down sockets, through files made by
 * makefile; options set (values the kernel changes, levels and names it refuses) and read back;
 * datagrams sent connected and not, and read into buffers too small for them; for AF_UNIX also
 * stale and missing paths, paths of the other type, paths too long for {@code sockaddr_un},
 * abstract names and {@code bind s ""} (a name Linux chooses). No call can wait long: every
 * socket is made nonblocking or given a short timeout as soon as it exists, select and poll
 * only look ({@code -t 0}), and nothing runs in the background. Only loopback addresses appear.
 */
final class CallSequences {
    /** The timeout a socket in timeout mode gets: short, so a run of hundreds of sessions stays quick. */
    static final String SHORT_TIMEOUT = "0.02";
    private static final List<String> TCP = List.of("a", "b", "l");
    private static final List<String> UDP = List.of("u", "v");
    private static final List<String> SOCKETS = List.of("a", "b", "l", "k", "u", "v");
    private static final List<String> DATA = List.of("\"abc\"", "\"hello\\n\"", "\"\"", "\"x\"*100", "b'\\x00\\xff'");
    private static final List<String> OPTIONS = List.of("SO_ERROR", "SO_REUSEADDR", "SO_KEEPALIVE", "SO_RCVBUF",
            "SO_SNDBUF", "TCP_NODELAY", "SO_BROADCAST");

    private static final List<String> FILE_CALLS = List.of("readline f", "read f 5", "write f \"ab\\n\"", "flush f");
    private static final List<String> UNIX_SOCKETS = List.of("a", "b", "l", "k", "r");
    private static final List<String> UNIX_OPTIONS = List.of("SO_ERROR", "SO_RCVBUF", "SO_SNDBUF", "SO_REUSEADDR");
    private static final List<String> DATAGRAM_SOCKETS = List.of("d", "e", "g", "l");
    /** poll's events: POLLIN, POLLOUT, POLLPRI (which no call here makes ready: what comes back is POLLHUP or POLLERR). */
    private static final List<String> POLL_FLAGS = List.of("-r ", "-w ", "-p ");
    /** Receive sizes; the small ones cut a datagram short (the rest of it is lost). */
    private static final List<String> SIZES = List.of("0", "1", "3", "10", "1024");

    private final SplittableRandom random;
    private final List<String> lines = new ArrayList<>();
    /** Names the session holds open, as far as the generator can tell (a failed accept or makefile leaves it wrong, harmlessly). */
    private final Set<String> open = new HashSet<>();
    /** The option each socket had set last, for a getsockopt of it. */
    private final Map<String, String> optionSet = new HashMap<>();

    private CallSequences(SplittableRandom random) {
        this.random = random;
    }

    /** One session: a refused port, a listener, two UDP sockets, maybe a TCP one, then {@code calls} generated calls. */
    static List<String> session(SplittableRandom random, int calls) {
        CallSequences session = new CallSequences(random);
        session.add("socket r");
        session.add("bind r 127.0.0.1 0");
        session.open.add("r");
        session.create("l", false);
        session.add("bind l 127.0.0.1 0");
        session.add("listen l 5");
        for (String name : UDP) {
            session.create(name, true);
            if (random.nextBoolean()) {
                session.add("bind " + name + " 127.0.0.1 0");
            }
        }
        if (random.nextBoolean()) {
            session.create("a", false);
        }
        int setUp = session.lines.size();
        while (session.lines.size() < calls + setUp) {
            session.call();
        }
        return session.lines;
    }

    /**
     * One AF_UNIX session: a listener {@code l}, a socket {@code r} bound and not listening (a
     * connect to its path is refused), a stale path (its socket closed), then {@code calls}
     * generated calls. Every path starts with {@code prefix}, a folder and a start of name no
     * other session uses; abstract names are made from it too.
     */
    static List<String> unixSession(SplittableRandom random, int calls, String prefix) {
        CallSequences session = new CallSequences(random);
        UnixPaths paths = new UnixPaths(prefix);
        session.unixListener(paths);
        session.createUnix("r");
        session.add("bind r " + paths.notListening());
        session.stalePath(paths, "AF_UNIX");
        if (random.nextBoolean()) {
            session.createUnix("a");
        }
        int setUp = session.lines.size();
        while (session.lines.size() < calls + setUp) {
            session.unixCall(paths);
        }
        return session.lines;
    }

    /**
     * One AF_UNIX datagram session: {@code d} bound to a path, a stream listener {@code l} (its
     * path is of the wrong type for a datagram), a stale path, then {@code calls} generated calls
     * on datagram sockets {@code d}, {@code e}, {@code g}. Paths as in {@link #unixSession}.
     */
    static List<String> unixDatagramSession(SplittableRandom random, int calls, String prefix) {
        CallSequences session = new CallSequences(random);
        UnixPaths paths = new UnixPaths(prefix);
        session.createUnixDatagram("d");
        session.add("bind d " + paths.fresh("d"));
        session.unixListener(paths);
        session.stalePath(paths, "AF_UNIX SOCK_DGRAM");
        session.createUnixDatagram("e");
        if (random.nextBoolean()) {
            session.add("bind e " + paths.fresh("e"));
        }
        int setUp = session.lines.size();
        while (session.lines.size() < calls + setUp) {
            session.unixDatagramCall(paths);
        }
        return session.lines;
    }

    /** An AF_UNIX stream listener {@code l} on the session's listening path. */
    private void unixListener(UnixPaths paths) {
        createUnix("l");
        add("bind l " + paths.listening());
        add("listen l 5");
    }

    /** The stale path: a socket of {@code familyAndType} bound to it, then closed. */
    private void stalePath(UnixPaths paths, String familyAndType) {
        add("socket z " + familyAndType);
        add("bind z " + paths.stale());
        add("close z");
    }

    /** The paths of one AF_UNIX session. */
    private record UnixPaths(String prefix) {
        String listening() {
            return prefix + "l.sock";
        }

        String notListening() {
            return prefix + "r.sock";
        }

        String stale() {
            return prefix + "z.sock";
        }

        String fresh(String socket) {
            return prefix + socket + ".sock";
        }

        String missingFolder() {
            return prefix + "none/x.sock";
        }

        String abstractName() {
            return "\"\\0" + prefix + "abstract\"";
        }

        /** A path of exactly {@code bytes} bytes: 107 fits sockaddr_un with its NUL, 108 does not. */
        String ofLength(int bytes) {
            return prefix + "p".repeat(Math.max(1, bytes - prefix.length()));
        }
    }

    private void add(String line) {
        lines.add(line);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A new socket, at once nonblocking or with a short timeout, so that no later call can wait long. */
    private void create(String name, boolean udp) {
        add("socket " + name + (udp ? " udp" : ""));
        mode(name);
        open.add(name);
    }

    private void createUnix(String name) {
        add("socket " + name + " AF_UNIX");
        mode(name);
        open.add(name);
    }

    private void createUnixDatagram(String name) {
        add("socket " + name + " AF_UNIX SOCK_DGRAM");
        mode(name);
        open.add(name);
    }

    private void mode(String name) {
        add(random.nextInt(3) == 0 ? "setblocking " + name + " 0" : "settimeout " + name + " " + SHORT_TIMEOUT);
    }

    private String socket() {
        return existing(SOCKETS);
    }

    /**
     * One of {@code names}: mostly one the session holds open (a call on a name never made
     * only shows Python's NameError), sometimes any, closed or never made.
     */
    private String existing(List<String> names) {
        List<String> held = names.stream().filter(open::contains).toList();
        return held.isEmpty() || random.nextInt(5) == 0 ? pick(names) : pick(held);
    }

    private String port() {
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> "l.port";
            case 3 -> "r.port";
            case 4 -> pick(UDP) + ".port";
            default -> "0";
        };
    }

    private String unixPath(UnixPaths paths, String socket) {
        return switch (random.nextInt(13)) {
            case 0, 1, 2 -> paths.listening();
            case 3 -> paths.notListening();
            case 4 -> paths.stale();
            case 5, 6 -> paths.fresh(socket);
            case 7 -> paths.missingFolder();
            case 8 -> paths.ofLength(pick(List.of(107, 108, 130)));
            case 9 -> paths.abstractName();
            case 10 -> "\"\"";
            default -> paths.fresh(pick(UNIX_SOCKETS));
        };
    }

    private void unixCall(UnixPaths paths) {
        String s = existing(UNIX_SOCKETS);
        switch (random.nextInt(30)) {
            case 0, 1 -> {
                String name = pick(List.of("a", "b"));
                if (!open.contains(name)) {
                    createUnix(name);
                }
            }
            case 2, 3 -> add("bind " + s + " " + unixPath(paths, s));
            case 4 -> add("listen " + s + " " + pick(List.of("1", "5", "0")));
            case 5, 6, 7 -> add("connect " + s + " " + unixPath(paths, s));
            case 8 -> add("connect_ex " + s + " " + unixPath(paths, s));
            case 9, 10 -> {
                if (!open.contains("k")) {
                    add("accept " + (random.nextInt(4) == 0 ? s : "l") + " k");
                    mode("k");
                    open.add("k");
                }
            }
            case 11, 12 -> add(pick(List.of("send ", "sendall ")) + s + " " + pick(DATA));
            case 13, 14 -> add("recv " + s + " " + pick(List.of("10", "1024", "0")));
            case 15 -> add("shutdown " + s + " " + pick(List.of("rd", "wr", "rdwr")));
            case 16, 17 -> add(pick(List.of("getsockname ", "getpeername ")) + s);
            case 18 -> add("getsockopt " + s + " " + pick(UNIX_OPTIONS));
            case 19 -> add("select -r " + s + "," + existing(UNIX_SOCKETS) + " -w " + existing(UNIX_SOCKETS) + " -t 0");
            case 20 -> add(random.nextBoolean() ? "gettimeout " + s : "setblocking " + s + " 0");
            case 21 -> add("unlink " + unixPath(paths, s));
            case 22 -> {
                if (!open.contains("f")) {
                    add("makefile " + s + " f " + pick(List.of("rb", "wb", "rwb")));
                    open.add("f");
                }
            }
            case 23 -> add(pick(FILE_CALLS));
            case 24 -> add("sendto " + s + " " + pick(DATA) + " " + unixPath(paths, s));
            case 25 -> setOption(s);
            case 26 -> add("poll " + pick(POLL_FLAGS) + s + " " + pick(POLL_FLAGS) + existing(UNIX_SOCKETS) + " -t 0");
            default -> {
                String name = random.nextInt(4) == 0 ? "f" : s;
                add("close " + name);
                open.remove(name);
            }
        }
    }

    /** A path for an AF_UNIX datagram socket to bind, connect or send to. */
    private String datagramPath(UnixPaths paths, String socket) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> paths.fresh("d");
            case 3, 4 -> paths.fresh(pick(List.of("e", "g")));
            case 5 -> paths.fresh(socket);
            case 6 -> paths.listening();
            case 7 -> paths.stale();
            case 8 -> paths.missingFolder();
            case 9 -> paths.abstractName();
            case 10 -> "\"\"";
            default -> paths.ofLength(pick(List.of(107, 108)));
        };
    }

    private void unixDatagramCall(UnixPaths paths) {
        String s = existing(DATAGRAM_SOCKETS);
        switch (random.nextInt(24)) {
            case 0, 1 -> {
                String name = pick(List.of("d", "e", "g"));
                if (!open.contains(name)) {
                    createUnixDatagram(name);
                }
            }
            case 2, 3 -> add("bind " + s + " " + datagramPath(paths, s));
            case 4, 5 -> add("connect " + s + " " + datagramPath(paths, s));
            case 6, 7, 8, 9 -> add("sendto " + s + " " + pick(DATA) + " " + datagramPath(paths, s));
            case 10 -> add(pick(List.of("send ", "sendall ")) + s + " " + pick(DATA));
            case 11, 12, 13 -> add(pick(List.of("recv ", "recvfrom ")) + s + " " + pick(SIZES));
            case 14 -> add(pick(List.of("getsockname ", "getpeername ")) + s);
            case 15 -> setOption(s);
            case 16 -> add("getsockopt " + s + " " + optionSet.getOrDefault(s, pick(UNIX_OPTIONS)));
            case 17 -> add(random.nextBoolean() ? "select -r " + s + "," + existing(DATAGRAM_SOCKETS) + " -w "
                    + existing(DATAGRAM_SOCKETS) + " -t 0" : "poll -r " + s + " -w " + existing(DATAGRAM_SOCKETS) + " -t 0");
            case 18 -> add("shutdown " + s + " " + pick(List.of("rd", "wr", "rdwr")));
            case 19 -> add(random.nextBoolean() ? "listen " + s + " 1" : "accept " + s + " k");
            case 20 -> add("unlink " + datagramPath(paths, s));
            default -> {
                add("close " + s);
                open.remove(s);
            }
        }
    }

    /**
     * A setsockopt with a value that matters: buffer sizes Linux doubles or raises to its
     * minimum, options of the other level or none of the socket's, read-only SO_ERROR, and
     * (refused by the shell, so not compared) a level that is not the option's and a name that
     * is no option.
     */
    private void setOption(String socket) {
        String setting = switch (random.nextInt(13)) {
            case 0, 1 -> pick(List.of("SO_RCVBUF", "SO_SNDBUF")) + " " + pick(List.of("0", "1000", "4096", "100000", "-1"));
            case 2 -> "SO_REUSEADDR " + pick(List.of("0", "1"));
            case 3 -> "SO_KEEPALIVE " + pick(List.of("0", "1", "7"));
            case 4 -> "TCP_NODELAY " + pick(List.of("0", "1"));
            case 5 -> "SO_LINGER " + pick(List.of("1 0", "0 0", "1 5"));
            case 6 -> pick(List.of("SO_BROADCAST", "SO_REUSEPORT")) + " 1";
            case 7 -> "SOL_SOCKET " + pick(List.of("SO_REUSEADDR", "SO_RCVBUF")) + " 1";
            case 8 -> "IPPROTO_TCP TCP_NODELAY 1";
            case 9 -> "SO_ERROR 1";
            case 10 -> "IPPROTO_TCP SO_KEEPALIVE 1";
            case 11 -> "SO_NOSUCH 1";
            default -> "SO_LINGER 1";
        };
        add("setsockopt " + socket + " " + setting);
        String[] words = setting.split(" ");
        optionSet.put(socket, words[0].equals("SOL_SOCKET") ? words[1] : words[0]);
    }

    private String udp() {
        return existing(UDP);
    }

    private void call() {
        String s = socket();
        switch (random.nextInt(38)) {
            case 0, 1 -> {
                String name = random.nextBoolean() ? pick(TCP) : pick(UDP);
                if (!open.contains(name)) {
                    create(name, UDP.contains(name));
                }
            }
            case 2 -> add("bind " + s + " 127.0.0.1 " + (random.nextBoolean() ? "0" : port()));
            case 3 -> add("listen " + s + " " + pick(List.of("1", "5", "0")));
            case 4, 5, 6 -> add("connect " + s + " 127.0.0.1 " + port());
            case 7 -> add("connect_ex " + s + " 127.0.0.1 " + port());
            case 8, 9 -> {
                if (!open.contains("k")) {
                    add("accept " + (random.nextInt(4) == 0 ? s : "l") + " k");
                    if (random.nextBoolean()) {
                        add("gettimeout k");
                    }
                    mode("k");
                    open.add("k");
                }
            }
            case 10, 11 -> add("send " + s + " " + pick(DATA));
            case 12 -> add("sendall " + s + " " + pick(DATA));
            case 13, 14 -> add("sendto " + s + " " + pick(DATA) + " 127.0.0.1 " + port());
            case 15, 16 -> add("recv " + s + " " + pick(List.of("10", "1024", "0")));
            case 17 -> add("recvfrom " + s + " 10");
            case 18 -> add("shutdown " + s + " " + pick(List.of("rd", "wr", "rdwr")));
            case 19 -> {
                add("close " + s);
                open.remove(s);
            }
            case 20 -> add(pick(List.of("getsockname ", "getpeername ")) + s);
            case 21 -> add("getsockopt " + s + " " + pick(OPTIONS));
            case 22 -> add("setsockopt " + s + " " + pick(List.of("SO_REUSEADDR 1", "SO_KEEPALIVE 1", "TCP_NODELAY 1",
                    "SO_SNDBUF 4096")));
            case 23 -> add("select -r " + s + "," + socket() + " -w " + socket() + " -t 0");
            case 24 -> add("poll -r " + s + " -w " + socket() + " -t 0");
            case 25 -> add(random.nextBoolean() ? "gettimeout " + s : "setblocking " + s + " 0");
            case 26 -> {
                if (!open.contains("f")) {
                    add("makefile " + s + " f " + pick(List.of("rb", "r", "wb", "w", "rwb")));
                    open.add("f");
                }
            }
            case 27 -> add(pick(FILE_CALLS));
            case 28, 29 -> {
                String name = random.nextBoolean() ? "f" : s;
                add("close " + name);
                open.remove(name);
            }
            case 30, 31 -> setOption(s);
            case 32 -> add("getsockopt " + s + " " + optionSet.getOrDefault(s, pick(OPTIONS)));
            case 33 -> add(pick(List.of("recvfrom ", "recvfrom ", "recv ")) + udp() + " " + pick(SIZES));
            case 34, 35 -> add("sendto " + udp() + " " + pick(DATA) + " 127.0.0.1 " + (random.nextInt(4) == 0
                    ? pick(List.of("l.port", "r.port")) : udp() + ".port"));
            case 36 -> add("poll " + pick(POLL_FLAGS) + s + "," + socket() + " " + pick(POLL_FLAGS) + socket() + " -t 0");
            default -> add("connect " + udp() + " 127.0.0.1 " + udp() + ".port");
        }
    }
}
