// unixsvr.jsh: an echo server on an AF_UNIX stream socket, one statement per step. The calls
// are tms.py's (section 2), but the socket is named by a path on this machine instead of a host
// and port, and that path is a file: bind makes it, close leaves it, and only unlink removes it.
// It echoes what one client sends until the client shuts its side, then closes and removes
// its file.
//
// Arguments: PATH
//   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
//   SOCKSHELL_ARGS=/tmp/echo.sock jshell --class-path target/sockshell.jar jshell-scripts/unixsvr.jsh
// jshell-scripts/README.md lists every way to give arguments and keyboard input.

// Python's names (socket, AF_UNIX, unlink, print, ...) without a prefix, as after
// `import socket` and `from os import unlink`.
import static io.sockshell.py.Python.*;
// The exception unlink raises when there is no file (Python's FileNotFoundError).
import io.sockshell.py.FileNotFoundError;

// The socket file's path, from the command line (sys.argv[1]).
var path = argv(1);

// A socket for a byte stream (SOCK_STREAM) between programs on this machine (AF_UNIX).
var s = socket(AF_UNIX, SOCK_STREAM);

// A server that ended before removing its file left it behind, and bind would raise
// OSError: [Errno 98] Address already in use. So remove it first, as Python servers do:
//   try: os.unlink(path)
//   except FileNotFoundError: pass
try {
    unlink(path);
} catch (FileNotFoundError e) {
    // No file there: nothing to remove.
}

// Claim the path: this makes the socket file.
s.bind(path);

// Become a listening socket, keeping up to 1 connection waiting to be accepted.
s.listen(1);

// Wait for a client. Its socket bound no path, so the address accept() returns for it is ''.
var accepted = s.accept();
var conn = accepted.conn();
print("client is at", repr(accepted.addr()));

// Echo until the client shuts its side: then recv() returns b''.
while (true) {
    var data = conn.recv(1024);
    if (data.isEmpty()) {
        break;
    }
    print("echoing", len(data), "bytes");
    conn.sendall(data);
}

// Close the connection (the client's recv() sees b''), then the listening socket.
conn.close();
s.close();

// close left the file; remove it, so that nothing is left behind.
unlink(path);
