package io.sockshell.reliability;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The differences from CPython that the NIO backend keeps because only the kernel's own
 * state would give CPython's answer (README, "Where NIO differs from CPython"). Each is
 * recognised by what the step and the session before it did; a difference none of them
 * explains is a bug.
 */
final class NioLimits {
    private record Limit(String name, Predicate<CPythonComparison.Difference> applies) {
    }

    private static final Pattern CONNECT = Pattern.compile("connect(_ex)? (\\w+) .*");
    /** ECONNREFUSED, or EAGAIN of a listener's full queue, as connect raises it or connect_ex returns it. */
    private static final Pattern REFUSED = Pattern.compile("\\[Errno (111|11)]|^(111|11)$");
    /** EINVAL (a listener's) or EISCONN, either way. */
    private static final Pattern LISTENING_OR_CONNECTED = Pattern.compile("\\[Errno (22|106)]|^(22|106)$");
    private static final Pattern LISTENER_SHUT_FOR_READING = Pattern.compile("shutdown (\\w+) (rd|rdwr)");

    private static final List<Limit> LIMITS = List.of(
            // First: the shell's own refusal names it exactly, whatever the session did before.
            new Limit("an AF_UNIX abstract name (Java's channels take only paths)",
                    d -> d.sockshell().contains("abstract AF_UNIX names need the posix backend")),
            new Limit("an AF_UNIX datagram socket (Java has no datagram channel for AF_UNIX)",
                    d -> d.sockshell().contains("AF_UNIX SOCK_DGRAM needs the posix backend")),
            new Limit("an AF_UNIX path of 107 bytes (Linux takes it; Java's channels take at most 106)",
                    d -> d.sockshell().contains("bytes need the posix backend (Java's channels take at most")),
            new Limit("a UDP connect to port 0 (NIO refuses it; Linux takes it and reports no peer)",
                    d -> CONNECT.matcher(d.line()).matches() && d.sockshell().contains("Can't connect to port 0")),
            new Limit("sendto on a connected UDP socket to another address (a connected DatagramChannel sends only to"
                    + " its peer)", d -> d.line().startsWith("sendto ") && d.sockshell().contains("[Errno 106]")),
            new Limit("a second connect after one made with a timeout or nonblocking (Linux's socket is still"
                    + " 'connecting' and the next connect completes it)", NioLimits::connectCompletedByASecondConnect),
            new Limit("a UDP socket with an ICMP error pending (Linux's poll reports POLLERR, SO_ERROR and the next"
                    + " send report it; the JDK shows it only to a receive)", NioLimits::icmpErrorOfAUdpSocket),
            new Limit("bind of an AF_UNIX socket after its connect (Linux names the connected socket; NIO's connected"
                    + " channel cannot bind)", NioLimits::unixBindAfterConnect),
            new Limit("an empty datagram a connected UDP socket sent (the JDK's write of nothing sends nothing), and"
                    + " the ICMP error it would have brought", NioLimits::afterAnEmptySendOnAConnectedUdpSocket),
            new Limit("a recv on a UDP socket connected after datagrams or an ICMP error reached it (the JDK's"
                    + " connect drains the receive queue), or a port seen first in what such a recv returned on Linux",
                    NioLimits::recvAfterAUdpConnect),
            new Limit("a connection its listener reset, closed before accepting it (Linux's poll reports POLLERR,"
                    + " shutdown ENOTCONN; a channel shows no reset until it reads, and the JDK's shutdown ignores"
                    + " ENOTCONN)", NioLimits::resetByItsListener),
            new Limit("a socket after its connect was refused (Linux keeps the port and the state of the attempt: listen"
                    + " is EINVAL, a second connect ECONNABORTED; NIO's failed channel is closed and gone)",
                    NioLimits::afterARefusedConnect),
            new Limit("SO_SNDBUF of a listening socket (a server channel has no send buffer option, so the engine"
                    + " keeps the value set, where Linux doubles it)", NioLimits::sendBufferOfAListener),
            new Limit("what follows shutting a listener for reading (Linux disconnects a TCP socket and keeps it bound,"
                    + " an AF_UNIX one goes on listening; NIO can only close the server channel)", NioLimits::afterAListenerWasShutForReading),
            new Limit("getsockopt of SO_REUSEADDR or SO_KEEPALIVE on an AF_UNIX socket (Java's AF_UNIX channels lack"
                    + " them: [Errno 92], where Linux reports the value)",
                    d -> d.line().startsWith("getsockopt ") && d.sockshell().contains("[Errno 92]")),
            new Limit("a connect from an AF_UNIX socket that listens or is connected, to a path nobody listens on"
                    + " or whose listener's queue is full (Linux refuses it for the path first; NIO cannot tell"
                    + " whether a path listens without connecting to it)", NioLimits::unixConnectRefusedForThePath));

    private static final Pattern SEND_NOTHING = Pattern.compile("send(all)? (\\w+) \"\"");
    /** A call that waits for a socket to be readable first (with a timeout) or reads it. */
    private static final Pattern READS = Pattern.compile("(recv|recvfrom|accept) (\\w+) .*");
    private static final Pattern PORT_NAME = Pattern.compile("P\\d+");
    private static final Pattern POLL_ERROR = Pattern.compile("\\((\\w+), [A-Z|]*POLLERR");

    private NioLimits() {
    }

    /** Which limit explains the difference, or null for none. */
    static String explain(CPythonComparison.Difference difference) {
        for (Limit limit : LIMITS) {
            if (limit.applies().test(difference)) {
                return limit.name();
            }
        }
        return null;
    }

    /**
     * The step names a socket (or its port) whose earlier connect was refused, at once or
     * (nonblocking, in progress) later: the shell's own output of that connect says which.
     */
    private static boolean afterARefusedConnect(CPythonComparison.Difference difference) {
        Set<String> refused = new HashSet<>();
        for (int i = 0; i < difference.before().size(); i++) {
            var connect = CONNECT.matcher(difference.before().get(i));
            String printed = difference.printedBefore().get(i).strip();
            if (connect.matches() && (printed.contains("[Errno 111]") || printed.contains("[Errno 115]")
                    || printed.equals("111") || printed.equals("115"))) {
                refused.add(connect.group(2));
            }
        }
        for (String word : difference.line().split("[ ,]")) {
            if (refused.contains(word.endsWith(".port") ? word.substring(0, word.length() - ".port".length()) : word)) {
                return true;
            }
        }
        return false;
    }

    /** EISCONN where Linux's connect, or connect_ex, completed the connect a timeout or nonblocking one began. */
    private static boolean connectCompletedByASecondConnect(CPythonComparison.Difference difference) {
        String ours = difference.sockshell().strip();
        String theirs = difference.python().strip();
        return difference.line().startsWith("connect") && ((ours.contains("[Errno 106]") && theirs.isEmpty())
                || (ours.equals("106") && theirs.equals("0")));
    }

    private static Set<String> udpSockets(CPythonComparison.Difference difference) {
        Set<String> udp = new HashSet<>();
        for (String line : difference.before()) {
            String[] words = line.split(" ");
            if (words[0].equals("socket") && words.length == 3 && words[2].equals("udp")) {
                udp.add(words[1]);
            }
        }
        return udp;
    }

    /** Sockets that had a connect (of any outcome) among the lines before the step. */
    private static Set<String> connected(CPythonComparison.Difference difference) {
        Set<String> connected = new HashSet<>();
        for (String line : difference.before()) {
            var connect = CONNECT.matcher(line);
            if (connect.matches()) {
                connected.add(connect.group(2));
            }
        }
        return connected;
    }

    /**
     * A poll where Linux reported POLLERR on UDP sockets only, and the shell did not; SO_ERROR of
     * a UDP socket Linux had an error for; a send on a UDP socket that Linux refused.
     */
    private static boolean icmpErrorOfAUdpSocket(CPythonComparison.Difference difference) {
        Set<String> udp = udpSockets(difference);
        String[] words = difference.line().split(" ");
        if (words.length > 1 && udp.contains(words[1])) {
            if (difference.line().endsWith(" SO_ERROR") && words[0].equals("getsockopt")) {
                return difference.sockshell().strip().equals("0") && !difference.python().strip().equals("0");
            }
            if (words[0].startsWith("send")) {
                return difference.python().contains("[Errno 111]") && !difference.sockshell().contains("[Errno 111]");
            }
        }
        if (difference.line().startsWith("select ")) {
            return onlyConnectedUdpSocketsNotReadable(difference, udp);
        }
        if (!difference.line().startsWith("poll ") || difference.sockshell().contains("POLLERR")) {
            return false;
        }
        var error = POLL_ERROR.matcher(difference.python());
        boolean any = false;
        while (error.find()) {
            if (!udp.contains(error.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** A read, poll or select after a connected UDP socket sent an empty datagram. */
    private static boolean afterAnEmptySendOnAConnectedUdpSocket(CPythonComparison.Difference difference) {
        if (!difference.line().matches("(recv|recvfrom|poll|select) .*")) {
            return false;
        }
        Set<String> udp = udpSockets(difference);
        Set<String> connected = new HashSet<>();
        for (String line : difference.before()) {
            var connect = CONNECT.matcher(line);
            if (connect.matches()) {
                connected.add(connect.group(2));
            }
            var nothing = SEND_NOTHING.matcher(line);
            if (nothing.matches() && udp.contains(nothing.group(2)) && connected.contains(nothing.group(2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A recv (or a wait for readability) on a connected UDP socket that found nothing where
     * Linux still had what came before the connect; or, after a UDP connect, output that differs
     * only in which port was named first (a recv got another sender's datagram on Linux).
     */
    private static boolean recvAfterAUdpConnect(CPythonComparison.Difference difference) {
        Set<String> udp = udpSockets(difference);
        Set<String> connected = connected(difference);
        var reads = READS.matcher(difference.line());
        String ours = difference.sockshell();
        if (reads.matches()) {
            return udp.contains(reads.group(2)) && connected.contains(reads.group(2))
                    && (ours.contains("TimeoutError") || ours.contains("BlockingIOError"));
        }
        boolean onlyPortNames = PORT_NAME.matcher(ours).replaceAll("P").equals(
                PORT_NAME.matcher(difference.python()).replaceAll("P"));
        return onlyPortNames && connected.stream().anyMatch(udp::contains);
    }

    /**
     * A select whose readable list lacks only UDP sockets that had a connect: Linux counts an
     * ICMP error as readable, which only a connected UDP socket gets.
     */
    private static boolean onlyConnectedUdpSocketsNotReadable(CPythonComparison.Difference difference, Set<String> udp) {
        String ours = difference.sockshell().strip();
        String theirs = difference.python().strip();
        if (!ours.startsWith("([") || !theirs.startsWith("([")) {
            return false;
        }
        List<String> ourReadable = List.of(ours.substring(2, ours.indexOf(']')).split(", "));
        List<String> theirReadable = new java.util.ArrayList<>(List.of(theirs.substring(2, theirs.indexOf(']')).split(", ")));
        if (!ours.substring(ours.indexOf(']')).equals(theirs.substring(theirs.indexOf(']')))) {
            return false;
        }
        Set<String> connected = connected(difference);
        for (String name : ourReadable) {
            if (!name.isEmpty() && !theirReadable.remove(name)) {
                return false;
            }
        }
        return !theirReadable.isEmpty() && theirReadable.stream().allMatch(name -> udp.contains(name) && connected.contains(name));
    }

    /** A bind NIO refused with EINVAL of an AF_UNIX socket (a path is one word) that had a connect before. */
    private static boolean unixBindAfterConnect(CPythonComparison.Difference difference) {
        String[] words = difference.line().split(" ");
        return words[0].equals("bind") && words.length == 3 && difference.sockshell().contains("[Errno 22]")
                && difference.python().isBlank() && connected(difference).contains(words[1]);
    }

    /** Linux's error of a connection reset by its listener's close, where the shell saw none. */
    private static boolean resetByItsListener(CPythonComparison.Difference difference) {
        boolean errorShown = difference.line().startsWith("poll ") && difference.python().contains("POLLERR")
                && !difference.sockshell().contains("POLLERR")
                || difference.line().startsWith("shutdown ") && difference.python().contains("[Errno 107]")
                && difference.sockshell().isBlank();
        if (!errorShown) {
            return false;
        }
        Set<String> listening = new HashSet<>();
        boolean connected = false;
        for (String line : difference.before()) {
            String[] words = line.split(" ");
            if (words[0].equals("listen") && words.length > 1) {
                listening.add(words[1]);
            } else if (CONNECT.matcher(line).matches()) {
                connected = true;
            } else if (words[0].equals("close") && connected && words.length > 1 && listening.contains(words[1])) {
                return true;
            }
        }
        return false;
    }

    /** A connect to one PATH (an AF_UNIX socket's) that Linux refused where the shell named the socket's state. */
    private static boolean unixConnectRefusedForThePath(CPythonComparison.Difference difference) {
        boolean onePath = CONNECT.matcher(difference.line()).matches() && difference.line().split(" ").length == 3;
        return onePath && REFUSED.matcher(difference.python().strip()).find()
                && LISTENING_OR_CONNECTED.matcher(difference.sockshell().strip()).find();
    }

    /** SO_SNDBUF set on a socket that listens: the server channel has no such option. */
    private static boolean sendBufferOfAListener(CPythonComparison.Difference difference) {
        String[] words = difference.line().split(" ");
        if (!difference.line().startsWith("getsockopt ") || !difference.line().endsWith(" SO_SNDBUF")) {
            return false;
        }
        return difference.before().stream().anyMatch(line -> line.startsWith("listen " + words[1] + " "));
    }

    private static boolean afterAListenerWasShutForReading(CPythonComparison.Difference difference) {
        Set<String> listening = new HashSet<>();
        for (String line : difference.before()) {
            String[] words = line.split(" ");
            if (words[0].equals("listen") && words.length > 1) {
                listening.add(words[1]);
            }
            var shut = LISTENER_SHUT_FOR_READING.matcher(line);
            if (shut.matches() && listening.contains(shut.group(1))) {
                return true;
            }
        }
        return false;
    }
}
