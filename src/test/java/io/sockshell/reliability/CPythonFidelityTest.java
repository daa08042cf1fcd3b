package io.sockshell.reliability;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sockshell.export.PythonJudge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differences the comparison with CPython found ("Real system calls", items 1-22), each
 * run by sockshell and by python3 making the same calls: every step must print the same.
 * The items NIO cannot give without imitating the kernel are in the README instead.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CPythonFidelityTest {
    @BeforeAll
    static void needPython() {
        assumeTrue(PythonJudge.unavailable().isEmpty(), "python3 is needed to compare with CPython");
    }

    /** A listener {@code l}, a client {@code c} connected to it, the accepted {@code k}, then {@code lines}. */
    private static void sameAsCPython(String... lines) {
        List<String> session = new ArrayList<>(List.of("socket l", "bind l 127.0.0.1 0", "listen l 1", "socket c",
                "settimeout c 2", "connect c 127.0.0.1 l.port", "accept l k", "settimeout k 2"));
        session.addAll(List.of(lines));
        CPythonComparison.Difference difference = CPythonComparison.run(session);
        assertNull(difference, () -> difference.describe(0));
    }

    @Test
    void item17ClosingTheSocketLeavesItToItsOpenFile() {
        sameAsCPython("makefile c f rb", "close c", "send c \"x\"", "recv k 10", "getsockname c", "close f", "send c \"x\"",
                "socket c", "close c");
    }

    @Test
    void item18WritesPast8192BytesGoOutBeforeFlush() {
        sameAsCPython("makefile c w wb", "write w \"x\"*5000", "select -r k -t 0", "write w \"y\"*5000", "select -r k -t 2",
                "recv k 100000", "makefile c t w", "write t \"z\"*9000", "select -r k -t 2", "recv k 100000",
                "close w t");
    }

    @Test
    void item19AReadThatTimedOutSpoilsTheFile() {
        sameAsCPython("settimeout c 0.05", "makefile c f rb", "readline f", "send k \"late\\n\"", "readline f",
                "makefile c g r", "read g 3", "send k \"xyz\"", "read g 3");
    }

    @Test
    void item20TextWritesCountCodePoints() {
        sameAsCPython("makefile c t w", "write t \"smile \\U0001F600\\n\"", "write t \"caf\\u00e9\"", "close t",
                "recv k 100");
    }

    @Test
    void item21RefusalsAreWordedAsPythonsFileObjects() {
        sameAsCPython("makefile c rb rb", "write rb \"x\"", "writelines rb \"x\"", "close rb", "write rb \"x\"", "read rb 1",
                "readline rb", "readlines rb", "flush rb",
                "makefile c wb wb", "read wb 1", "readline wb", "readlines wb", "close wb", "write wb \"x\"", "flush wb",
                "readlines wb", "writelines wb \"x\"",
                "makefile c rw rwb", "close rw", "readline rw", "read rw 1", "write rw \"x\"", "flush rw",
                "makefile c t r", "write t \"x\"", "close t", "write t \"x\"", "readline t",
                "makefile c u w", "readline u", "read u 1", "readlines u");
    }

    @Test
    void item22AFailedFlushKeepsItsDataForClose() {
        sameAsCPython("makefile c w wb", "setsockopt k SO_LINGER 1 0", "close k", "write w \"x\"", "flush w", "flush w",
                "close w", "flush w");
    }

    /** Calls on fresh sockets of their own, no connected pair first. */
    private static void sameAsCPythonAlone(String... lines) {
        CPythonComparison.Difference difference = CPythonComparison.run(List.of(lines));
        assertNull(difference, () -> difference.describe(0));
    }

    @Test
    void item3WithATimeoutTheCallWaitsForReadinessFirst() {
        sameAsCPythonAlone("socket u udp", "settimeout u 0.05", "accept u a", "recv u 10", "socket l", "bind l 127.0.0.1 0",
                "listen l 1", "settimeout l 0.05", "send l \"x\"", "recv l 10", "sendall l \"x\"", "socket c",
                "connect c 127.0.0.1 l.port", "recv l 10", "accept l k");
    }

    @Test
    void item5UdpBindsOnSendNotOnRecv() {
        sameAsCPythonAlone("socket u udp", "setblocking u 0", "recv u 10", "recvfrom u 10", "getsockname u",
                "bind u 127.0.0.1 0", "socket v udp", "sendall v \"x\"", "getsockname v", "bind v 127.0.0.1 0");
    }

    @Test
    void item6SendtoPortZeroIsInvalid() {
        sameAsCPythonAlone("socket u udp", "sendto u \"x\" 127.0.0.1 0", "getsockname u", "sendto u \"\" 127.0.0.1 0");
    }

    @Test
    void item8AUdpSocketShutForReadingIsReadable() {
        sameAsCPythonAlone("socket u udp", "bind u 127.0.0.1 0", "connect u 127.0.0.1 u.port", "shutdown u rd",
                "select -t 0 -r u", "poll -t 0 -r u", "recv u 10", "shutdown u wr", "select -t 0 -r u -w u");
    }

    @Test
    void item9PollNamingAClosedSocketIsAValueError() {
        sameAsCPythonAlone("socket c", "socket d", "close c", "poll -t 0 -r d,c", "select -t 0 -r c",
                "poll -t 0 -r c -w nosuch", "select -t 0 -r c -w nosuch");
    }

    @Test
    void item10AListenerShutForWritingGoesOnListening() {
        sameAsCPythonAlone("socket s", "bind s 127.0.0.1 0", "listen s 1", "shutdown s wr", "socket c",
                "connect c 127.0.0.1 s.port", "accept s k", "getsockname s");
    }

    /** Shut for reading, a listener stops listening but keeps its port (NIO loses it: README's NIO list). */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void aListenerShutForReadingRefusesConnectionsAndKeepsItsPort() {
        sameAsCPythonAlone("socket s", "bind s 127.0.0.1 0", "listen s 1", "socket c", "connect c 127.0.0.1 s.port",
                "accept s k", "shutdown s rd", "getsockname s", "socket d", "connect d 127.0.0.1 s.port");
    }

    @Test
    void item11AShutdownRefusedWithEnotconnStillTakesEffect() {
        sameAsCPythonAlone("socket u udp", "shutdown u wr", "sendto u \"x\" 127.0.0.1 9", "send u \"x\"");
    }

    @Test
    void item11OnAnUnconnectedTcpSocketToo() {
        sameAsCPythonAlone("socket a", "setblocking a 0", "shutdown a rdwr", "recvfrom a 10", "recv a 10", "send a \"x\"",
                "socket b", "shutdown b wr", "recv b 10");
    }

    @Test
    void filesOnANonblockingSocketReturnWhatTheyHave() {
        sameAsCPython("setblocking c 0", "makefile c b rb", "read b 5", "readline b", "read b", "readlines b",
                "makefile c t r", "read t 5", "readline t", "read t", "send k \"ab\"", "select -r c -t 2", "read b 5",
                "send k \"cd\"", "select -r c -t 2", "read t", "gettimeout c", "gettimeout k");
    }

    @Test
    void item15OptionsOfAListenerReachWhatItAcceptsAndTheKernelDoublesBuffers() {
        sameAsCPythonAlone("socket l", "bind l 127.0.0.1 0", "setsockopt l SO_RCVBUF 8192", "listen l 1", "socket c",
                "connect c 127.0.0.1 l.port", "accept l k", "getsockopt k SO_RCVBUF", "setsockopt c SO_SNDBUF 1024",
                "getsockopt c SO_SNDBUF");
    }

    @Test
    void item12RecvAfterShutRdHandsOutWhatIsQueued() {
        sameAsCPython("send k \"abc\"", "select -r c -t 2", "shutdown c rd", "select -r c -t 0", "recv c 2", "recv c 10",
                "recv c 10", "send k \"late\"", "select -r k -w k -t 0", "close k");
    }

    /**
     * Found by the AF_UNIX sessions of DifferentialTest: Linux's AF_UNIX code answers these, not
     * its TCP code. python3 runs first, in the same folder: its files are unlinked at the end.
     */
    @Test
    void anAfUnixStreamSocketThatIsNotConnected(@TempDir Path folder) {
        String listening = folder.resolve("l.sock").toString();
        sameAsCPythonAlone("socket l AF_UNIX", "bind l " + listening, "listen l 1", "socket r AF_UNIX",
                "bind r " + folder.resolve("r.sock"), "recv r 10", "recv l 10", "send r \"x\"", "sendall l \"x\"",
                "shutdown r rdwr", "recv r 10", "send r \"x\"", "connect l " + listening, "connect_ex l " + listening,
                "bind r " + folder.resolve("none/x.sock"), "socket a AF_UNIX", "bind a " + folder.resolve("none/x.sock"),
                "unlink \"\\0abstract\"", "unlink \"\"", "close l r a", "unlink " + listening,
                "unlink " + folder.resolve("r.sock"));
    }

    /**
     * sendto takes an AF_UNIX socket's one PATH, as CPython does (found by DifferentialTest's
     * AF_UNIX sessions, where it was refused as a usage error and so never compared): on a stream
     * socket it is EOPNOTSUPP, or EISCONN once connected, as Linux's AF_UNIX stream code says.
     */
    @Test
    void sendtoAnAfUnixPath(@TempDir Path folder) {
        String listening = folder.resolve("l.sock").toString();
        sameAsCPythonAlone("socket l AF_UNIX", "bind l " + listening, "sendto l \"x\" " + listening, "listen l 1",
                "socket c AF_UNIX", "sendto c \"x\" " + folder.resolve("none.sock"), "connect c " + listening,
                "sendto c \"x\" " + listening, "close l c", "unlink " + listening);
    }

    /** AF_UNIX datagrams (nio has no channel for them: README): sendto a path, from a bound and an unbound sender. */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void afUnixDatagramsGoToAPath(@TempDir Path folder) {
        String receiver = folder.resolve("d.sock").toString();
        sameAsCPythonAlone("socket d AF_UNIX SOCK_DGRAM", "setblocking d 0", "bind d " + receiver,
                "socket e AF_UNIX SOCK_DGRAM", "sendto e \"hello\" " + receiver, "recvfrom d 3",
                "bind e " + folder.resolve("e.sock"), "sendto e \"\" " + receiver, "recvfrom d 10",
                "sendto e \"x\" " + folder.resolve("missing.sock"), "sendto e \"x\" \"\\0nobody\"", "close d",
                "sendto e \"x\" " + receiver, "close e", "unlink " + receiver, "unlink " + folder.resolve("e.sock"));
    }

    /**
     * {@code bind u ""} binds an abstract name Linux chooses, as CPython's bare {@code sockaddr_un}
     * asks it to (the shell had added a NUL, binding the abstract name "\0" instead: a second such
     * bind was EADDRINUSE). The chosen name is random, so the comparison names it (A1, A2).
     */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void bindingTheEmptyPathBindsAnAbstractNameLinuxChooses() {
        sameAsCPythonAlone("socket u AF_UNIX SOCK_DGRAM", "bind u \"\"", "socket v AF_UNIX SOCK_DGRAM", "bind v \"\"",
                "getsockname u", "getsockname v", "socket s AF_UNIX", "bind s \"\"", "listen s 1", "socket c AF_UNIX",
                "connect c \"\"", "close u v s c");
    }

    /**
     * Found on nio by DifferentialTest's sessions with options, poll and AF_UNIX sendto: a
     * negative buffer size is the kernel's maximum (unsigned), SO_REUSEPORT is for internet
     * sockets, POLLHUP comes whatever was asked, and CPython checks an address before the
     * descriptor but the kernel refuses it after.
     */
    @Test
    void optionsPollAndAddressesAsLinuxAnswers(@TempDir Path folder) {
        sameAsCPythonAlone("socket a", "setsockopt a SO_RCVBUF -1", "getsockopt a SO_RCVBUF", "socket u udp",
                "setsockopt u SO_SNDBUF -5", "getsockopt u SO_SNDBUF", "shutdown u rdwr", "poll -w u -t 0",
                "select -r u -w u -t 0", "shutdown a rd", "poll -r a -t 0", "poll -w a -t 0",
                "socket x AF_UNIX", "setsockopt x SO_REUSEPORT 1", "setsockopt x SO_REUSEPORT 0", "settimeout x 0.02",
                "sendto x \"a\" \"\"", "sendto x \"a\" \"\\0name\"", "sendto x \"a\" " + folder.resolve("none.sock"),
                "close x", "connect x \"\"", "unlink \"\"");
    }

    /**
     * poll -p asks for POLLPRI, which no call of the shell makes ready (it needs urgent data),
     * so what comes back is what Linux reports whatever was asked: POLLHUP of a socket that is
     * not connected, or that its own shutdowns closed both ways (nio had reported neither).
     */
    @Test
    void pollForUrgentDataShowsWhatIsReportedAnyway() {
        sameAsCPythonAlone("socket a", "socket b", "poll -p a -t 0", "poll -p a -r b -t 0", "socket l",
                "bind l 127.0.0.1 0", "listen l 1", "settimeout b 2", "connect b 127.0.0.1 l.port", "poll -p b -t 0",
                "poll -p b -w b -t 0", "accept l k", "poll -p k,l -t 0", "shutdown b rdwr", "poll -p b -t 0",
                "poll -r b -t 0", "close k", "poll -p b -r b -t 0", "socket u udp", "poll -p u -t 0",
                "shutdown u rdwr", "poll -p u -t 0", "close a b l u");
    }

    /** CPython prints a name that is not UTF-8 as os.fsdecode makes it; nio refuses such a path (README). */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void anAfUnixPathThatIsNotUtf8(@TempDir Path folder) {
        sameAsCPythonAlone("socket s AF_UNIX", "bind s b'" + folder + "/\\xff.sock'", "getsockname s", "listen s 1",
                "socket c AF_UNIX", "connect c \"" + folder + "/\\udcff.sock\"", "getpeername c", "accept s k",
                "getsockname k", "close s c k", "unlink b'" + folder + "/\\xff.sock'",
                "unlink \"" + folder + "/\\udcff.sock\"");
    }
}
