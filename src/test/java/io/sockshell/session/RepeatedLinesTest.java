package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sockshell.command.Commands;
import io.sockshell.support.ShellDriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;

/**
 * A repeated line runs a command object Picocli parsed for that line alone; what the command
 * sees must be exactly what a fresh parse of the same line gives the shared command, however
 * many other lines the shared command parsed in between.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepeatedLinesTest {
    /** Override with -Dsockshell.repeated.seed=N to replay a failure. */
    private static final long SEED = Long.getLong("sockshell.repeated.seed", 20261124L);
    private static final List<String> LINES = List.of(
            "recv conn 1024", "recv conn 1024 --hex", "recv conn 16 --full", "recv conn 16 --short", "recv conn 0",
            "recv conn 16 --hex --full", "recvfrom dg 2048 --short", "recvfrom dg 2048", "read f 10 --hex", "read f",
            "readline f", "readline f --full", "send c \"x\"", "send c b'\\x00'*3", "sendall srv b'\\xff'*100",
            "sendto dg x'68 69' 127.0.0.1 dg.port", "close a b c", "close a", "select -r cli,srv -w cli -t 0",
            "select -r cli -t 0", "select -w cli", "poll -r srv -t 0", "poll -w srv", "accept lst", "accept lst conn9",
            "settimeout cli 0.5", "settimeout cli None", "setblocking srv 0", "setsockopt cli SOL_SOCKET SO_LINGER 1 0",
            "getsockopt srv IPPROTO_TCP TCP_NODELAY", "socket s2 AF_INET6 SOCK_DGRAM", "socket", "socket s3",
            "bind s 127.0.0.1 0", "bind s ::1 s.port", "connect c localhost s.port", "listen s", "listen s 5",
            "makefile cli g rw", "makefile cli", "shutdown cli wr", "help send", "help", "trace on", "trace",
            "set display hex", "set", "wait %1 -t 0", "wait", "jobs", "kill %1", "sockets", "gettimeout c",
            "recv conn", "recv conn 1 2 3", "recv --bogus conn 1", "select -t", "send c", "help --help",
            "recv --help", "exit");

    private final ShellDriver shell = new ShellDriver();

    @AfterEach
    void closeSession() {
        shell.close();
    }

    @Test
    void aPreparedCommandSeesWhatAFreshParseOfTheSameLineGives() throws Exception {
        System.out.println("RepeatedLinesTest seed " + SEED + " (-Dsockshell.repeated.seed to replay)");
        try (Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
            CommandLine shared = session.commandTree();
            RepeatedLines repeated = new RepeatedLines();
            SplittableRandom random = new SplittableRandom(SEED);
            int compared = 0;
            for (int i = 0; i < 5_000; i++) {
                String line = LINES.get(random.nextInt(LINES.size()));
                List<String> words = LineSplitter.split(line).words();
                CommandLine prepared = repeated.prepared(line);
                CommandLine fresh = parsedByShared(shared, words);
                if (prepared != null) {
                    assertNotNull(fresh, "a line Picocli rejects was kept: " + words);
                    assertEquals(state(fresh), state(prepared), "prepared command differs for " + words);
                    compared++;
                } else {
                    Class<?> type = shared.getSubcommands().get(words.get(0)).getCommand().getClass();
                    repeated.ran(line, words, () -> Commands.single(session, type));
                }
            }
            assertEquals(true, compared > 3_000, "too few repeated lines compared: " + compared);
        }
    }

    @Test
    void linesPicocliRejectsAreNeverKept() throws Exception {
        try (Session session = new Session(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))) {
            RepeatedLines repeated = new RepeatedLines();
            for (String line : List.of("recv conn", "recv --bogus conn 1", "select -t", "recv --help")) {
                List<String> words = LineSplitter.split(line).words();
                Class<?> type = session.commandTree().getSubcommands().get(words.get(0)).getCommand().getClass();
                for (int i = 0; i < 3; i++) {
                    repeated.ran(line, words, () -> Commands.single(session, type));
                }
                assertNull(repeated.prepared(line), line);
            }
        }
    }

    @Test
    void aRepeatedLinePrintsWhatItPrintedTheFirstTime() {
        shell.openConnectedPair();
        List<List<String>> rounds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<String> printed = new ArrayList<>();
            shell.ok("send c \"abcd\"");
            printed.addAll(shell.ok("recv conn 2 --hex").lines().toList());
            printed.add(shell.value("recv conn 2"));
            printed.addAll(shell.run("recv conn 2 3").errLines());
            shell.ok("setblocking conn 0");
            printed.addAll(shell.run("recv conn 2 --full").errLines());
            shell.ok("setblocking conn 1");
            printed.addAll(shell.ok("help send").lines().limit(2).toList());
            rounds.add(printed);
        }
        assertEquals("00000000  61 62                                             |ab|", rounds.get(0).get(0));
        assertEquals("b'cd'", rounds.get(0).get(2));
        assertEquals(true, rounds.get(0).get(3).startsWith("recv: too many arguments"), rounds.get(0).get(3));
        assertEquals("BlockingIOError: [Errno 11] Resource temporarily unavailable", rounds.get(0).get(4));
        for (List<String> round : rounds) {
            assertEquals(rounds.get(0), round);
        }
    }

    private static CommandLine parsedByShared(CommandLine shared, List<String> words) {
        try {
            List<CommandLine> parsed = shared.parseArgs(words.toArray(new String[0])).asCommandLineList();
            CommandLine command = parsed.get(parsed.size() - 1);
            CommandLine.ParseResult result = command.getParseResult();
            return result.isUsageHelpRequested() || result.isVersionHelpRequested() ? null : command;
        } catch (ParameterException e) {
            return null;
        }
    }

    /**
     * Everything a command's run can read of its line: each argument's value and the strings it
     * matched. An argument group's own object is left out: Picocli does not reset it between
     * lines (which is why DataStyleOption reads only the matched strings).
     */
    private static List<String> state(CommandLine command) {
        List<String> state = new ArrayList<>();
        for (ArgSpec arg : command.getCommandSpec().args()) {
            Object value = arg.group() == null ? arg.getValue() : "(in a group)";
            state.add(arg.paramLabel() + "=" + value + " " + arg.originalStringValues());
        }
        return state;
    }
}
