package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sockshell.support.Backends;
import io.sockshell.support.ShellDriver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/** trace shows the system calls under each command; display styles choose how data is shown. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TraceAndDisplayTest {
    private static final String SIXTY_FOUR = "y".repeat(64);

    private final ShellDriver shell = new ShellDriver();

    @BeforeEach
    void connect() {
        shell.openConnectedPair();
    }

    @AfterEach
    void closeSession() {
        shell.close();
    }

    @Test
    @DisabledIf(value = "io.sockshell.support.Backends#posix", disabledReason = "posix traces system calls; see below")
    void traceShowsEachCallAndItsResultBeforeThePythonResult() {
        assertEquals("", shell.ok("trace on"));
        assertEquals(List.of("| socket(AF_INET, SOCK_STREAM) = t"), shell.ok("socket t").lines().toList());
        assertEquals(List.of("| socket(AF_INET6, SOCK_DGRAM) = s1", "s1"), shell.ok("socket AF_INET6 SOCK_DGRAM").lines().toList());
        assertEquals(List.of("| bind(t, '':0) = 0"), shell.ok("bind t \"\" 0").lines().toList());
        assertEquals(List.of("| listen(t, 1) = 0"), shell.ok("listen t").lines().toList());
        assertEquals(List.of("| send(c, 3) = 3", "3"), shell.ok("send c \"abc\"").lines().toList());
        assertEquals(List.of("| recv(conn, 10) = 3", "b'abc'"), shell.ok("recv conn 10").lines().toList());
        assertEquals(List.of("| select([conn], [], [], 0.0) = 0", "([], [], [])"),
                shell.ok("select -r conn -t 0").lines().toList());
        assertEquals(List.of("| close(c) = 0"), shell.ok("close c").lines().toList());
        assertEquals("", shell.ok("trace off"));
        assertEquals("", shell.ok("socket u"));
    }

    /** On posix each line is a real system call, strace's way, with the real descriptor. */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void traceShowsEachSystemCallWithItsDescriptorAndResultBeforeThePythonResult() {
        int c = fileno("c");
        int conn = fileno("conn");
        assertEquals("", shell.ok("trace on"));
        List<String> opened = shell.ok("socket t").lines().toList();
        int t = fileno("t");
        assertEquals(List.of("| socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = " + t), opened);
        assertEquals(List.of("| bind(" + t + ", {AF_INET, 0.0.0.0:0}, 16) = 0"), shell.ok("bind t \"\" 0").lines().toList());
        assertEquals(List.of("| listen(" + t + ", 1) = 0"), shell.ok("listen t").lines().toList());
        assertEquals(List.of("| send(" + c + ", \"abc\", 3, MSG_DONTWAIT|MSG_NOSIGNAL) = 3", "3"),
                shell.ok("send c \"abc\"").lines().toList());
        assertEquals(List.of("| recv(" + conn + ", \"abc\", 10, MSG_DONTWAIT) = 3", "b'abc'"),
                shell.ok("recv conn 10").lines().toList());
        assertEquals(List.of("| poll([{fd=" + conn + ", events=POLLIN}], 1, 0) = 0 (Timeout)", "([], [], [])"),
                shell.ok("select -r conn -t 0").lines().toList());
        assertEquals(List.of("| close(" + c + ") = 0"), shell.ok("close c").lines().toList());
        assertEquals("", shell.ok("trace off"));
        assertEquals("", shell.ok("socket u"));
    }

    @Test
    void traceShowsAFailedCallWithItsErrnoAndThePythonErrorStillGoesToErr() {
        int conn = Backends.posix() ? fileno("conn") : -1;
        shell.ok("trace on");
        assertEquals(List.of(Backends.posix() ? "| ioctl(" + conn + ", FIONBIO, [1]) = 0" : "| setblocking(conn, 0) = 0"),
                shell.ok("setblocking conn 0").lines().toList());
        ShellDriver.Result result = shell.run("recv conn 10");
        assertEquals(List.of(Backends.posix()
                ? "| recv(" + conn + ", ..., 10, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)"
                : "| recv(conn, 10) = -1 EAGAIN (Resource temporarily unavailable)"), result.outLines());
        assertEquals(List.of("BlockingIOError: [Errno 11] Resource temporarily unavailable"), result.errLines());
    }

    @Test
    void acceptIsTracedWithThePeerAddress() {
        shell.ok("socket d");
        shell.ok("connect d 127.0.0.1 s.port");
        int s = Backends.posix() ? fileno("s") : -1;
        int port = shell.port("d");
        shell.ok("trace on");
        List<String> lines = shell.ok("accept s e").lines().toList();
        shell.ok("trace off");
        String peer = "('127.0.0.1', " + port + ")";
        if (Backends.posix()) {
            // A blocking accept is made with O_NONBLOCK set just around it, so it can never
            // block where Ctrl-C cannot end it; the descriptor is blocking again after.
            assertEquals(List.of("| ioctl(" + s + ", FIONBIO, [1]) = 0",
                    "| accept4(" + s + ", {AF_INET, 127.0.0.1:" + port + "}, [16], SOCK_CLOEXEC) = " + fileno("e"),
                    "| ioctl(" + s + ", FIONBIO, [0]) = 0", peer), lines);
            return;
        }
        assertEquals(List.of("| accept(s) = 127.0.0.1:" + port, peer), lines);
    }

    @Test
    void backgroundJobTraceGoesIntoItsReportBeforeItsDoneLine() {
        shell.ok("trace on");
        shell.value("recv conn 10 &");
        shell.ok("send c \"x\"");
        List<String> report = shell.ok("wait").lines().toList();
        if (Backends.posix()) {
            // The job's recv may have waited (recv, EAGAIN; poll) before the data came.
            int conn = fileno("conn");
            assertEquals(List.of("| recv(" + conn + ", \"x\", 10, MSG_DONTWAIT) = 1", "[1] done: recv conn 10", "b'x'"),
                    report.subList(report.size() - 3, report.size()));
            return;
        }
        assertEquals(List.of("| recv(conn, 10) = 1", "[1] done: recv conn 10", "b'x'"), report);
    }

    /** The socket's descriptor, on posix (nio has none to show). */
    private int fileno(String socket) {
        boolean tracing = shell.value("trace").equals("trace on");
        if (tracing) {
            shell.ok("trace off");
        }
        int fd = Integer.parseInt(shell.value("fileno " + socket));
        if (tracing) {
            shell.ok("trace on");
        }
        return fd;
    }

    @Test
    void shortStyleKeepsSixtyFourBytesWholeAndShortensLonger() {
        shell.value("send c \"" + SIXTY_FOUR + "\"");
        assertEquals("b'" + SIXTY_FOUR + "'", shell.value("recv conn 64"));
        shell.value("send c \"y\"*100");
        assertEquals("b'" + "y".repeat(48) + "'... (100 bytes)", shell.value("recv conn 1000"));
    }

    @Test
    void fullStyleShowsEverything() {
        shell.ok("set display full");
        shell.value("send c \"y\"*100");
        assertEquals("b'" + "y".repeat(100) + "'", shell.value("recv conn 1000"));
    }

    @Test
    void hexStyleShowsTheClassicDump() {
        shell.ok("set display hex");
        shell.value("send c \"GET / HTTP/1.0\\r\\n\\r\\n\"");
        assertEquals(List.of(
                "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 30 0d 0a  |GET / HTTP/1.0..|",
                "00000010  0d 0a                                             |..|",
                "(18 bytes)"), shell.ok("recv conn 1000").lines().toList());
    }

    @Test
    void hexStyleShowsEndOfStreamToo() {
        shell.ok("set display hex");
        shell.ok("close c");
        assertEquals("b''  (0 bytes)", shell.value("recv conn 10"));
    }

    @Test
    void optionOnOneCommandOverridesTheSessionStyle() {
        shell.value("send c \"y\"*100");
        assertEquals(List.of(
                "00000000  79 79 79 79 79 79 79 79  79 79 79 79 79 79 79 79  |yyyyyyyyyyyyyyyy|",
                "(16 bytes)"), shell.ok("recv conn 16 --hex").lines().toList());
        assertEquals("b'" + "y".repeat(84) + "'", shell.value("recv conn 1000 --full"));
        shell.ok("set display full");
        shell.value("send c \"y\"*100");
        assertEquals("b'" + "y".repeat(48) + "'... (100 bytes)", shell.value("recv conn 1000 --short"));
    }
}
