package io.sockshell.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.support.ShellDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * AF_UNIX in the shell: one PATH argument where IP sockets take HOST PORT, paths written as
 * CPython takes them (quoted text with escapes, bytes literals), unlink with os.unlink's
 * errors, the sockets table and the trace. Printed values and errors are python3 3.11's.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixShellTest {
    private final ShellDriver shell = new ShellDriver();

    @TempDir
    Path folder;

    @AfterEach
    void closeSession() {
        shell.close();
    }

    @Test
    void bindTakesOnePathAndRefusesAPort() {
        String path = folder.resolve("x.sock").toString();
        shell.ok("socket u AF_UNIX");
        shell.prints("getsockname u", "''");
        ShellDriver.Result refused = shell.run("bind u localhost 0");
        assertEquals(Session.USAGE, refused.status());
        assertEquals("bind: an AF_UNIX address is one PATH, not HOST PORT (usage: bind SOCKET HOST|PATH [PORT])\n",
                refused.err());
        shell.ok("bind u \"" + path + "\"");
        shell.prints("getsockname u", "'" + path + "'");
        shell.fails("bind u " + folder.resolve("y.sock"), "OSError: [Errno 22] Invalid argument");
        shell.fails("bind u " + path, "OSError: [Errno 98] Address already in use");
    }

    @Test
    void unlinkRaisesAsOsUnlinkDoesWithTheFileName() throws Exception {
        Path file = folder.resolve("gone.sock");
        shell.fails("unlink " + file, "FileNotFoundError: [Errno 2] No such file or directory: '" + file + "'");
        shell.fails("unlink " + folder, "IsADirectoryError: [Errno 21] Is a directory: '" + folder + "'");
        Path plain = Files.writeString(folder.resolve("plain"), "x");
        shell.fails("unlink " + plain + "/x", "NotADirectoryError: [Errno 20] Not a directory: '" + plain + "/x'");
        shell.ok("unlink '" + plain + "'");
        assertTrue(Files.notExists(plain));
        assertTrue(Files.isDirectory(folder), "unlink never removes a folder");
    }

    /**
     * A lone surrogate that is no escaped byte has no bytes: CPython's encoder refuses the str
     * before any call, in a path with UnicodeEncodeError (where, by code point; a run of
     * surrogates as a range, \\ud800\\udc00 being two code points in Python) and in a host with
     * the TypeError of its IDNA encoding. The socket is untouched and no file is made.
     */
    @Test
    void aLoneSurrogateFailsAsCPythonEncodesIt() throws IOException {
        String path = folder.resolve("s").toString();
        shell.ok("socket u AF_UNIX");
        String one = "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position ";
        shell.fails("bind u \"\\ud800\"", one + "0: surrogates not allowed");
        shell.fails("connect u \"" + path + "\\ud800\"", one + path.length() + ": surrogates not allowed");
        shell.fails("connect_ex u \"\\ud800\"", one + "0: surrogates not allowed");
        shell.fails("unlink \"\\ud800\"", one + "0: surrogates not allowed");
        shell.fails("bind u \"\\udcff\\ud800\\udcfe\"",
                "UnicodeEncodeError: 'utf-8' codec can't encode characters in position 1-2: surrogates not allowed");
        shell.fails("bind u \"\\ud800\\udc00\"",
                "UnicodeEncodeError: 'utf-8' codec can't encode characters in position 0-1: surrogates not allowed");
        shell.fails("bind u b'\\xff'+\"\\U0001f600\\udc00\"", "UnicodeEncodeError: 'utf-8' codec can't encode"
                + " character '\\udc00' in position 2: surrogates not allowed");
        shell.prints("getsockname u", "''");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
        shell.ok("socket t", "socket d SOCK_DGRAM");
        shell.fails("bind t \"\\ud800\" 0", "TypeError: encoding of hostname failed");
        shell.fails("connect t \"local\\udcffhost\" 80", "TypeError: encoding of hostname failed");
        shell.fails("sendto d x \"\\ud800\" 9", "TypeError: encoding of hostname failed");
        shell.prints("getsockname t", "('0.0.0.0', 0)");
    }

    @Test
    void theSocketsTableShowsPathsAndNoKernelColumns() {
        String path = folder.resolve("t.sock").toString();
        shell.ok("socket s AF_UNIX", "bind s " + path, "listen s 1", "socket c AF_UNIX", "connect c " + path,
                "accept s conn");
        String table = shell.ok("sockets");
        // Columns that do not fit the width go on lines of their own: any run of space between them.
        assertTrue(table.matches("(?s).*\\bs\\s+u_str\\s+listening\\s+'" + path + "'\\s+-\\s.*"), table);
        assertTrue(table.matches("(?s).*\\bc\\s+u_str\\s+connected\\s+''\\s+'" + path + "'\\s.*"), table);
        assertTrue(table.matches("(?s).*\\bconn\\s+u_str\\s+connected\\s+'" + path + "'\\s+''\\s.*"), table);
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void anAbstractNameIsWrittenAsTextWithAnEscapeOrAsBytesAndTheTraceShowsTheRealCalls() {
        String name = "sockshell-shell-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        shell.ok("socket s AF_UNIX", "bind s \"\\0" + name + "\"", "listen s 1", "socket c AF_UNIX", "trace on");
        String traced = shell.ok("connect c b\"\\x00" + name + "\"");
        assertTrue(traced.matches("(?s).*connect\\(\\d+, \\{AF_UNIX, b'\\\\x00" + name + "'\\}, " + (2 + 1 + name.length())
                + "\\) = 0.*"), traced);
        shell.ok("trace off");
        shell.prints("getpeername c", "b'\\x00" + name + "'");
        shell.prints("getsockname s", "b'\\x00" + name + "'");
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void theTraceShowsAPathsSockaddrLengthWithItsNul() {
        String path = folder.resolve("tr.sock").toString();
        shell.ok("socket s AF_UNIX", "trace on");
        String traced = shell.ok("bind s " + path);
        assertTrue(traced.contains("bind(") && traced.contains("{AF_UNIX, '" + path + "'}, " + (2 + path.length() + 1)
                + ") = 0"), traced);
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#nio")
    void nioRefusesAnAfUnixDatagramSocketWithOneLine() {
        shell.fails("socket d AF_UNIX SOCK_DGRAM",
                "OSError: AF_UNIX SOCK_DGRAM needs the posix backend (Java has no datagram channel for it)");
        shell.ok("socket d AF_UNIX");
    }

    /** CPython prints a name that is not UTF-8 as os.fsdecode makes it: the byte 0xff is '\\udcff'. */
    @Test
    @EnabledIf("io.sockshell.support.Backends#posix")
    void aPathThatIsNotUtf8IsPrintedWithItsBytesEscapedAsCPythonDoes() throws IOException {
        String escaped = folder + "/\\udcff.sock";
        shell.ok("socket s AF_UNIX");
        shell.ok("bind s b'" + folder + "/\\xff.sock'");
        shell.prints("getsockname s", "'" + escaped + "'");
        assertEquals(List.of("%FF.sock"), fileNamesAsUriBytes(), "the file's name is the byte 0xff");
        shell.ok("listen s 1");
        shell.ok("socket c AF_UNIX");
        shell.ok("connect c \"" + escaped + "\"");
        shell.prints("getpeername c", "'" + escaped + "'");
        shell.fails("bind c \"" + folder + "/\\ud800\"", "UnicodeEncodeError: 'utf-8' codec can't encode character"
                + " '\\ud800' in position " + (folder.toString().length() + 1) + ": surrogates not allowed");
        shell.ok("close s c");
        shell.ok("unlink \"" + escaped + "\"");
        shell.fails("unlink b'" + folder + "/\\xff.sock'",
                "FileNotFoundError: [Errno 2] No such file or directory: '" + escaped + "'");
    }

    @Test
    @EnabledIf("io.sockshell.support.Backends#nio")
    void nioRefusesAPathThatIsNotUtf8WithOneLine() {
        shell.ok("socket s AF_UNIX");
        shell.fails("bind s b'" + folder + "/\\xff.sock'", "OSError: AF_UNIX paths that are not UTF-8 need the posix"
                + " backend (Java's channels read socket names back as text)");
        shell.prints("getsockname s", "''");
    }

    /** The folder's file names with their bytes: a file: URI escapes each byte that is not plain ASCII. */
    private List<String> fileNamesAsUriBytes() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.toUri().getRawPath()).map(raw -> raw.substring(raw.lastIndexOf('/') + 1)).toList();
        }
    }
}
