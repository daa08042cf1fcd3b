// unixclnt.jsh: the client of unixsvr.jsh, one statement per step: it connects to the server's
// path, sends a string, shuts its side and prints the echo, chunk by chunk, until b''.
//
// Arguments: PATH STRING
//   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
//   SOCKSHELL_ARGS="/tmp/echo.sock hello" jshell --class-path target/sockshell.jar jshell-scripts/unixclnt.jsh

// Python's names without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;

// An AF_UNIX stream socket, like the server's.
var s = socket(AF_UNIX, SOCK_STREAM);

// Connect to the server's path. Where nobody listens this raises, as in Python:
// FileNotFoundError: [Errno 2] when there is no file, ConnectionRefusedError: [Errno 111] when
// a server that has ended left its file behind.
s.connect(argv(1));

// This socket bound no path, so it has no name: getsockname() is ''. Its peer is the path.
print("connected as", repr(s.getsockname()), "to", repr(s.getpeername()));

// Send the string as bytes, then shut our side for writing: the server reads b'' after it,
// as it would after a close, while we can still read its echo.
s.sendall(b(argv(2)));
s.shutdown(SHUT_WR);

// Read the echo until the server closes: recv() returns what has arrived, b'' at the end.
while (true) {
    var data = s.recv(1024);
    print(data);
    if (data.isEmpty()) {
        break;
    }
}

s.close();
