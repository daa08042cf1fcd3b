package io.sockshell.transcript.shell;

import io.sockshell.engine.Address;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import io.sockshell.session.LineSplitter;
import io.sockshell.session.Session;
import io.sockshell.transcript.Literals;
import io.sockshell.transcript.Transcript;
import io.sockshell.transcript.TranscriptRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a live shell session into a transcript. It owns the session, whose output goes both
 * to the screen and to the recording; each line typed is announced with {@link #command}
 * before it runs. Lines typed as {@code # ...} become comments.
 *
 * <p>A port the system chose (bound to port 0, or given to a client) would differ on every
 * replay, so each one becomes a capture named after its socket, bound where it first appears
 * in the output ({@code [[s_port:\d+]]}) and used after that ({@code [[s_port]]}), in output
 * and in commands alike. A port the user typed is kept as typed.
 */
public final class Recorder implements AutoCloseable {
    private final StringWriter pending = new StringWriter();
    private final Session session;
    private final List<String> lines = new ArrayList<>();
    /** Every local port a socket of the session has had, with the first socket that had it. */
    private final Map<Integer, String> portOwners = new LinkedHashMap<>();
    private final Map<Integer, String> chosenPorts = new LinkedHashMap<>();
    private final Set<Integer> typedPorts = new HashSet<>();
    private final Set<String> boundCaptures = new HashSet<>();
    private final List<String> commandsSoFar = new ArrayList<>();
    private String current;
    private int steps;

    /** A recorder whose session also prints to {@code screen}. */
    public Recorder(PrintWriter screen) {
        PrintWriter both = new PrintWriter(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                screen.write(text, offset, length);
                pending.write(text, offset, length);
            }

            @Override
            public void flush() {
                screen.flush();
            }

            @Override
            public void close() {
                screen.flush();
            }
        });
        this.session = new Session(both, both);
        lines.add("# Recorded with 'sockshell record'; check it with 'sockshell check FILE'.");
        lines.add("# Ports the system chose are captures, so a replay may get other ones.");
        lines.add("");
    }

    /** The session to run the typed lines in. */
    public Session session() {
        return session;
    }

    /** Called with each line typed, before it runs. */
    public void command(String line) {
        finishStep();
        String text = line.strip();
        if (text.startsWith("#")) {
            lines.add(text);
        } else if (!text.isEmpty() && !endsSession(text)) {
            current = text;
            commandsSoFar.add(text);
        }
    }

    private static boolean endsSession(String line) {
        try {
            List<String> words = LineSplitter.split(line).words();
            return words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"));
        } catch (LineSplitter.UnbalancedQuote e) {
            return false;
        }
    }

    /** Number of commands recorded so far. */
    public int steps() {
        return steps + (current == null ? 0 : 1);
    }

    /** The transcript so far, with what is still open listed in a {@code %leftovers} block. */
    public String transcript() {
        finishStep();
        List<String> text = new ArrayList<>(lines);
        List<String> leftovers = session.leftovers();
        if (!leftovers.isEmpty()) {
            text.add("");
            text.add("%leftovers");
            for (String left : leftovers) {
                text.add(expectedLine(Transcript.DEFAULT_PARTY + ": " + left));
            }
        }
        return String.join("\n", text) + "\n";
    }

    private void finishStep() {
        String printed;
        StringBuffer buffer = pending.getBuffer();
        synchronized (buffer) {
            printed = buffer.toString();
            buffer.setLength(0);
        }
        if (current == null) {
            return;
        }
        learnPorts();
        lines.add(Transcript.DEFAULT_PARTY + "> " + commandLine(current));
        for (String line : TranscriptRunner.lines(printed)) {
            lines.add(expectedLine(line));
        }
        current = null;
        steps++;
    }

    private void learnPorts() {
        for (Map.Entry<String, Sock> entry : session.table().sockets().entrySet()) {
            SockInfo info = entry.getValue().info();
            Address local = info.local();
            if (local != null && local.port() != 0) {
                portOwners.putIfAbsent(local.port(), entry.getKey());
            }
        }
    }

    /**
     * Decides, when a port first shows in the output, whether it was typed (some command so
     * far has the number: kept as it is) or chosen by the system (a capture from now on).
     */
    private void classify(int port) {
        if (chosenPorts.containsKey(port) || typedPorts.contains(port)) {
            return;
        }
        Pattern number = wholeNumber(port);
        if (commandsSoFar.stream().anyMatch(command -> number.matcher(command).find())) {
            typedPorts.add(port);
        } else {
            chosenPorts.put(port, captureName(portOwners.get(port) + "_port"));
        }
    }

    private String captureName(String wanted) {
        String name = wanted;
        for (int n = 2; chosenPorts.containsValue(name); n++) {
            name = wanted + n;
        }
        return name;
    }

    private String commandLine(String command) {
        String line = command;
        for (Map.Entry<Integer, String> port : chosenPorts.entrySet()) {
            if (boundCaptures.contains(port.getValue())) {
                line = wholeNumber(port.getKey()).matcher(line)
                        .replaceAll(Matcher.quoteReplacement("[[" + port.getValue() + "]]"));
            }
        }
        return line;
    }

    private String expectedLine(String output) {
        String line = Literals.expectedLine(output);
        for (int port : portOwners.keySet()) {
            if (wholeNumber(port).matcher(line).find()) {
                classify(port);
            }
        }
        for (Map.Entry<Integer, String> port : chosenPorts.entrySet()) {
            String name = port.getValue();
            Matcher matcher = wholeNumber(port.getKey()).matcher(line);
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                String capture = boundCaptures.add(name) ? "[[" + name + ":\\d+]]" : "[[" + name + "]]";
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(capture));
            }
            matcher.appendTail(replaced);
            line = replaced.toString();
        }
        return line;
    }

    private static Pattern wholeNumber(int number) {
        return Pattern.compile("(?<![0-9])" + number + "(?![0-9])");
    }

    @Override
    public void close() {
        session.close();
    }
}
