package io.sockshell.transcript.shell;

import io.sockshell.engine.Address;
import io.sockshell.engine.Sock;
import io.sockshell.engine.SockInfo;
import io.sockshell.command.ShellContext.UnknownJob;
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
import java.util.stream.Collectors;

/**
 * Turns a live shell session into a transcript that {@code check} passes unchanged, run after
 * run. It owns the session, whose output goes both to the screen and to the recording; each
 * line typed is announced with {@link #command} before it runs, and a Ctrl-C during it with
 * {@link #interrupted}. Lines typed as {@code # ...} become comments.
 *
 * <p>What a live session shows when it happens, a transcript must show at a step that does not
 * depend on timing:
 * <ul>
 *   <li>A background job that has finished by the time the next line is typed (the person saw
 *       its result above the prompt) is recorded as a {@code wait} for it, with its report;
 *       the wait makes a replay wait for it there. Jobs still running at the end are listed
 *       in {@code %leftovers} as never waited for, as {@code check} lists them.</li>
 *   <li>A command cut short with Ctrl-C gets {@code %interrupt} above it: a replay cancels it
 *       once it blocks, as the person did.</li>
 *   <li>Lines whose middle is timing are recorded with a pattern there: the state in
 *       {@code jobs} ({@code [1] [..] recv c 100}) and the count a cancelled send had sent.</li>
 * </ul>
 *
 * <p>A port the system chose (bound to port 0, or given to a client) would differ on every
 * replay, so each one becomes a capture named after its socket, bound where it first appears
 * in the output ({@code [[s_port:\d+]]}) and used after that ({@code [[s_port]]}), in output
 * and in commands alike. A port the user typed is kept as typed.
 */
public final class Recorder implements AutoCloseable {
    /** A line of {@code jobs}: {@code [1] running  recv c 100}; group 2 is the command. */
    private static final Pattern JOB_LINE = Pattern.compile("(\\[\\d+]) (?:running|done) +(.*)");
    /** A byte and call count in {@code sockets}: {@code 30000B/2}. */
    private static final Pattern COUNTER = Pattern.compile("(?<![0-9])(\\d+)B/(\\d+)(?![0-9])");
    /** The kernel's columns ending a row of {@code sockets}: {@code ESTABLISHED  5  0}. */
    private static final Pattern KERNEL_QUEUES = Pattern.compile(" [A-Z][A-Z_0-9]+ +(\\d+) +(\\d+)$");
    /** What a cancelled send prints: {@code KeyboardInterrupt (4161536 bytes were sent)}. */
    private static final Pattern SENT_BEFORE_INTERRUPT =
            Pattern.compile("(KeyboardInterrupt \\()(\\d+)( bytes? (?:was|were) sent\\))");

    private final StringWriter pending = new StringWriter();
    private final Session session;
    private final List<String> lines = new ArrayList<>();
    /** Every local port a socket of the session has had, with the first socket that had it. */
    private final Map<Integer, String> portOwners = new LinkedHashMap<>();
    private final Map<Integer, String> chosenPorts = new LinkedHashMap<>();
    private final Set<Integer> typedPorts = new HashSet<>();
    private final Set<String> boundCaptures = new HashSet<>();
    /** Counts cancelled sends had sent, which a replay's cancel makes different. */
    private final Set<String> varyingCounts = new HashSet<>();
    private final List<String> commandsSoFar = new ArrayList<>();
    private String current;
    private boolean currentInterrupted;
    /** The sockets jobs not yet waited for worked on when the current line was typed. */
    private Set<String> busySockets = Set.of();
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
        waitForFinishedJobs();
        String text = line.strip();
        if (text.startsWith("#")) {
            lines.add(text);
        } else if (!text.isEmpty() && !endsSession(text)) {
            current = text;
            commandsSoFar.add(text);
            busySockets = socketsOfUnreportedJobs();
        }
    }

    /**
     * The sockets that jobs not yet waited for work on (the first argument of each job's
     * command): while such a job may run, what those sockets show (their counters) is timing.
     */
    private Set<String> socketsOfUnreportedJobs() {
        Set<String> names = new HashSet<>();
        for (String job : session.jobs().describe()) {
            Matcher line = JOB_LINE.matcher(job);
            if (line.matches()) {
                List<String> words = words(line.group(2));
                if (words.size() > 1) {
                    names.add(words.get(1));
                }
            }
        }
        return names;
    }

    private static boolean endsSession(String line) {
        List<String> words = words(line);
        return words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"));
    }

    /** Called when Ctrl-C cut short the line announced last. */
    public void interrupted() {
        currentInterrupted = current != null;
    }

    /**
     * Records a {@code wait} for the jobs that have finished and not been reported, with their
     * reports, which go to the transcript only: the person saw them when they came.
     */
    private void waitForFinishedJobs() {
        List<Integer> finished = session.jobs().finished();
        if (finished.isEmpty()) {
            return;
        }
        List<String> reports = new ArrayList<>();
        try {
            session.jobs().await(finished, 0.0, reports::add);
        } catch (InterruptedException | UnknownJob e) {
            throw new IllegalStateException("a finished job could not be reported", e);
        }
        lines.add(Transcript.DEFAULT_PARTY + "> wait " + finished.stream().map(String::valueOf)
                .collect(Collectors.joining(" ")));
        for (String line : TranscriptRunner.lines(String.join("\n", reports) + "\n")) {
            lines.add(expectedLine(line));
        }
        steps++;
    }

    /** Number of commands recorded so far. */
    public int steps() {
        return steps + (current == null ? 0 : 1);
    }

    /** The transcript so far, with what is still open listed in a {@code %leftovers} block. */
    public String transcript() {
        finishStep();
        waitForFinishedJobs();
        List<String> text = new ArrayList<>(lines);
        List<String> leftovers = ShellParty.leftoversOf(session);
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
        if (currentInterrupted) {
            lines.add("%interrupt");
        }
        lines.add(Transcript.DEFAULT_PARTY + "> " + commandLine(current));
        String command = firstWord(current);
        List<String> output = TranscriptRunner.lines(printed);
        if (command.equals("jobs")) {
            output.forEach(line -> lines.add(jobLine(line)));
        } else if (command.equals("sockets") && (!busySockets.isEmpty() || !varyingCounts.isEmpty())) {
            lines.addAll(socketsWithBusyCounters(output));
        } else if (output.stream().anyMatch(this::showsVaryingCount)) {
            output.forEach(line -> lines.add(withPorts(Literals.withVaryingNumbers(line, varyingCounts))));
        } else {
            output.forEach(line -> lines.add(expectedLine(line)));
        }
        current = null;
        currentInterrupted = false;
        steps++;
    }

    /**
     * The {@code sockets} table while jobs run on some of its sockets, or after a send was cut
     * short: the busy sockets' byte and call counts are any numbers, and every column gap any
     * width, since the counts set the widths. How many bytes wait in the kernel's queues then
     * depends on how far the jobs and the cut send got, so RECV-Q and SEND-Q (the last two
     * columns of each row's last line) are any numbers too. A row starts with its socket's
     * name; its lines under it are indented.
     */
    private List<String> socketsWithBusyCounters(List<String> output) {
        List<String> expected = new ArrayList<>();
        boolean busy = false;
        for (int i = 0; i < output.size(); i++) {
            String line = output.get(i);
            if (!line.startsWith(" ")) {
                busy = busySockets.contains(line.split(" ", 2)[0]);
            }
            Set<String> varying = new HashSet<>(varyingCounts);
            if (busy) {
                Matcher counter = COUNTER.matcher(line);
                while (counter.find()) {
                    varying.add(counter.group(1));
                    varying.add(counter.group(2));
                }
            }
            boolean rowEnds = i + 1 == output.size() || !output.get(i + 1).startsWith(" ");
            Matcher queues = KERNEL_QUEUES.matcher(line);
            if (rowEnds && queues.find()) {
                varying.add(queues.group(1));
                varying.add(queues.group(2));
            }
            expected.add(withPorts(Literals.withVaryingNumbers(line, varying)));
        }
        return expected;
    }

    private static String firstWord(String line) {
        List<String> words = words(line);
        return words.isEmpty() ? "" : words.get(0);
    }

    private static List<String> words(String line) {
        try {
            return LineSplitter.split(line).words();
        } catch (LineSplitter.UnbalancedQuote e) {
            return List.of();
        }
    }

    /**
     * A line of {@code jobs}: whether a job not yet waited for is running or done is timing,
     * so its state column is left open ({@code [1] [..] recv c 100}).
     */
    private String jobLine(String line) {
        Matcher job = JOB_LINE.matcher(line);
        return job.matches() ? withPorts(Literals.withGap(job.group(1) + " ", " " + job.group(2))) : expectedLine(line);
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

    /**
     * An output line as expected output: as it is, but for the count a cancelled send had sent,
     * which is timing, and ports the system chose, which become captures.
     */
    private String expectedLine(String output) {
        Matcher sent = SENT_BEFORE_INTERRUPT.matcher(output);
        if (sent.matches()) {
            varyingCounts.add(sent.group(2));
            return withPorts(Literals.withGap(sent.group(1), sent.group(3)));
        }
        return withPorts(Literals.expectedLine(output));
    }

    /**
     * Whether a line shows a count a cancelled send had sent: what a socket has sent, say. A
     * replay cancels at another moment, so the step's lines match any number there, and any
     * width of the columns that number widens.
     */
    private boolean showsVaryingCount(String line) {
        for (String count : varyingCounts) {
            if (wholeNumber(Long.parseLong(count)).matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** {@code line} with each port the system chose as a capture: bound where it first shows, used after. */
    private String withPorts(String expected) {
        String line = expected;
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

    private static Pattern wholeNumber(long number) {
        return Pattern.compile("(?<![0-9])" + number + "(?![0-9])");
    }

    @Override
    public void close() {
        session.close();
    }
}
