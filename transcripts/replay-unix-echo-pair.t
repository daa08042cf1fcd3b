# unixsvr.jsh and unixclnt.jsh, an echo pair over an AF_UNIX stream socket, replayed against
# each other. The turns are decided as for a TCP pair: the conductor names each end by its path,
# and a client bound to no path by a number of its own, so every run prints the same.
# The shell party holds a port open to the end, which names the path: runs of this transcript
# may overlap (check -j, two checkouts on one machine), as in unix-echo.t.
%party shell
%party replay replay
%timeout 60

shell> socket t
shell> bind t 127.0.0.1 0
shell> getsockname t
('127.0.0.1', [[run:\d+]])

# The client connects where nobody listens and fails with CPython's error; the server, waiting
# in accept(), is stopped, and its socket closed as the system closes it: the file stays.
replay> replay --stable --color=never jshell-scripts/unixsvr.jsh /tmp/sockshell-replay-unix-[[run]].sock jshell-scripts/unixclnt.jsh /tmp/sockshell-replay-unix-[[run]]-nobody.sock hello
unixsvr  | // unixsvr.jsh: an echo server on an AF_UNIX stream socket, one statement per step. The calls
unixsvr  | // are tms.py's (section 2), but the socket is named by a path on this machine instead of a host
unixsvr  | // and port, and that path is a file: bind makes it, close leaves it, and only unlink removes it.
unixsvr  | // It echoes what one client sends until the client shuts its side, then closes and removes
unixsvr  | // its file.
unixsvr  | //
unixsvr  | // Arguments: PATH
unixsvr  | //   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
unixsvr  | //   SOCKSHELL_ARGS=/tmp/echo.sock jshell --class-path target/sockshell.jar jshell-scripts/unixsvr.jsh
unixsvr  | // jshell-scripts/README.md lists every way to give arguments and keyboard input.
unixsvr  | // Python's names (socket, AF_UNIX, unlink, print, ...) without a prefix, as after
unixsvr  | // `import socket` and `from os import unlink`.
unixsvr  | 14> import static io.sockshell.py.Python.*;
unixsvr  | // The exception unlink raises when there is no file (Python's FileNotFoundError).
unixsvr  | 16> import io.sockshell.py.FileNotFoundError;
unixsvr  | // The socket file's path, from the command line (sys.argv[1]).
unixsvr  | 19> var path = argv(1);
unixsvr  | path ==> "/tmp/sockshell-replay-unix-[[run]].sock"
unixsvr  | // A socket for a byte stream (SOCK_STREAM) between programs on this machine (AF_UNIX).
unixsvr  | 22> var s = socket(AF_UNIX, SOCK_STREAM);
unixsvr  | s ==> <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>
unixsvr  | // A server that ended before removing its file left it behind, and bind would raise
unixsvr  | // OSError: [Errno 98] Address already in use. So remove it first, as Python servers do:
unixsvr  | //   try: os.unlink(path)
unixsvr  | //   except FileNotFoundError: pass
unixsvr  | 28> try {
unixsvr  | 29|     unlink(path);
unixsvr  | 30| } catch (FileNotFoundError e) {
unixsvr  | 31|     // No file there: nothing to remove.
unixsvr  | 32| }
unixsvr  | // Claim the path: this makes the socket file.
unixsvr  | 35> s.bind(path);
unixsvr  | // Become a listening socket, keeping up to 1 connection waiting to be accepted.
unixsvr  | 38> s.listen(1);
unixsvr  | // Wait for a client. Its socket bound no path, so the address accept() returns for it is ''.
unixsvr  | 41> var accepted = s.accept();
unixsvr  | -- accept() waits: no client has connected yet
unixclnt | // unixclnt.jsh: the client of unixsvr.jsh, one statement per step: it connects to the server's
unixclnt | // path, sends a string, shuts its side and prints the echo, chunk by chunk, until b''.
unixclnt | //
unixclnt | // Arguments: PATH STRING
unixclnt | //   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
unixclnt | //   SOCKSHELL_ARGS="/tmp/echo.sock hello" jshell --class-path target/sockshell.jar jshell-scripts/unixclnt.jsh
unixclnt | // Python's names without a prefix, as after `import socket`.
unixclnt | 9> import static io.sockshell.py.Python.*;
unixclnt | // An AF_UNIX stream socket, like the server's.
unixclnt | 12> var s = socket(AF_UNIX, SOCK_STREAM);
unixclnt | s ==> <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>
unixclnt | // Connect to the server's path. Where nobody listens this raises, as in Python:
unixclnt | // FileNotFoundError: [Errno 2] when there is no file, ConnectionRefusedError: [Errno 111] when
unixclnt | // a server that has ended left its file behind.
unixclnt | 17> s.connect(argv(1));
unixclnt | unixclnt.jsh:17: FileNotFoundError: [Errno 2] No such file or directory
unixclnt | -- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>
unixsvr  | -- stopped at unixsvr.jsh:41, where accept() waits: no client has connected yet: unixclnt failed at unixclnt.jsh:17
unixsvr  | -- left open, closed as the system does when a program exits: <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0, laddr=/tmp/sockshell-replay-unix-[[run]].sock>
[exit 1]

# A stale file: nobody listens there, so a connect is refused rather than "no such file".
shell> socket c AF_UNIX
shell> connect c /tmp/sockshell-replay-unix-[[run]].sock
ConnectionRefusedError: [Errno 111] Connection refused
shell> close c

# The pair: the server removes the stale file before its bind, echoes, and removes its own
# file at the end.
replay> replay --stable --color=never jshell-scripts/unixsvr.jsh /tmp/sockshell-replay-unix-[[run]].sock jshell-scripts/unixclnt.jsh /tmp/sockshell-replay-unix-[[run]].sock hello
unixsvr  | // unixsvr.jsh: an echo server on an AF_UNIX stream socket, one statement per step. The calls
unixsvr  | // are tms.py's (section 2), but the socket is named by a path on this machine instead of a host
unixsvr  | // and port, and that path is a file: bind makes it, close leaves it, and only unlink removes it.
unixsvr  | // It echoes what one client sends until the client shuts its side, then closes and removes
unixsvr  | // its file.
unixsvr  | //
unixsvr  | // Arguments: PATH
unixsvr  | //   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
unixsvr  | //   SOCKSHELL_ARGS=/tmp/echo.sock jshell --class-path target/sockshell.jar jshell-scripts/unixsvr.jsh
unixsvr  | // jshell-scripts/README.md lists every way to give arguments and keyboard input.
unixsvr  | // Python's names (socket, AF_UNIX, unlink, print, ...) without a prefix, as after
unixsvr  | // `import socket` and `from os import unlink`.
unixsvr  | 14> import static io.sockshell.py.Python.*;
unixsvr  | // The exception unlink raises when there is no file (Python's FileNotFoundError).
unixsvr  | 16> import io.sockshell.py.FileNotFoundError;
unixsvr  | // The socket file's path, from the command line (sys.argv[1]).
unixsvr  | 19> var path = argv(1);
unixsvr  | path ==> "/tmp/sockshell-replay-unix-[[run]].sock"
unixsvr  | // A socket for a byte stream (SOCK_STREAM) between programs on this machine (AF_UNIX).
unixsvr  | 22> var s = socket(AF_UNIX, SOCK_STREAM);
unixsvr  | s ==> <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>
unixsvr  | // A server that ended before removing its file left it behind, and bind would raise
unixsvr  | // OSError: [Errno 98] Address already in use. So remove it first, as Python servers do:
unixsvr  | //   try: os.unlink(path)
unixsvr  | //   except FileNotFoundError: pass
unixsvr  | 28> try {
unixsvr  | 29|     unlink(path);
unixsvr  | 30| } catch (FileNotFoundError e) {
unixsvr  | 31|     // No file there: nothing to remove.
unixsvr  | 32| }
unixsvr  | // Claim the path: this makes the socket file.
unixsvr  | 35> s.bind(path);
unixsvr  | // Become a listening socket, keeping up to 1 connection waiting to be accepted.
unixsvr  | 38> s.listen(1);
unixsvr  | // Wait for a client. Its socket bound no path, so the address accept() returns for it is ''.
unixsvr  | 41> var accepted = s.accept();
unixsvr  | -- accept() waits: no client has connected yet
unixclnt | // unixclnt.jsh: the client of unixsvr.jsh, one statement per step: it connects to the server's
unixclnt | // path, sends a string, shuts its side and prints the echo, chunk by chunk, until b''.
unixclnt | //
unixclnt | // Arguments: PATH STRING
unixclnt | //   sockshell replay jshell-scripts/unixsvr.jsh /tmp/echo.sock jshell-scripts/unixclnt.jsh /tmp/echo.sock hello
unixclnt | //   SOCKSHELL_ARGS="/tmp/echo.sock hello" jshell --class-path target/sockshell.jar jshell-scripts/unixclnt.jsh
unixclnt | // Python's names without a prefix, as after `import socket`.
unixclnt | 9> import static io.sockshell.py.Python.*;
unixclnt | // An AF_UNIX stream socket, like the server's.
unixclnt | 12> var s = socket(AF_UNIX, SOCK_STREAM);
unixclnt | s ==> <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0>
unixclnt | // Connect to the server's path. Where nobody listens this raises, as in Python:
unixclnt | // FileNotFoundError: [Errno 2] when there is no file, ConnectionRefusedError: [Errno 111] when
unixclnt | // a server that has ended left its file behind.
unixclnt | 17> s.connect(argv(1));
unixclnt | // This socket bound no path, so it has no name: getsockname() is ''. Its peer is the path.
unixclnt | 20> print("connected as", repr(s.getsockname()), "to", repr(s.getpeername()));
unixclnt | connected as '' to '/tmp/sockshell-replay-unix-[[run]].sock'
unixclnt | // Send the string as bytes, then shut our side for writing: the server reads b'' after it,
unixclnt | // as it would after a close, while we can still read its echo.
unixclnt | 24> s.sendall(b(argv(2)));
unixclnt | 25> s.shutdown(SHUT_WR);
unixclnt | // Read the echo until the server closes: recv() returns what has arrived, b'' at the end.
unixclnt | 28> while (true) {
unixclnt | 29|     var data = s.recv(1024);
unixclnt | 30|     print(data);
unixclnt | 31|     if (data.isEmpty()) {
unixclnt | 32|         break;
unixclnt | 33|     }
unixclnt | 34| }
unixclnt | -- recv() waits: nothing has arrived yet
unixsvr  | -- accept() goes on
unixsvr  | accepted ==> (<socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0, laddr=/tmp/sockshell-replay-unix-[[run]].sock>, '')
unixsvr  | 42> var conn = accepted.conn();
unixsvr  | conn ==> <socket.socket family=AF_UNIX, type=SOCK_STREAM, proto=0, laddr=/tmp/sockshell-replay-unix-[[run]].sock>
unixsvr  | 43> print("client is at", repr(accepted.addr()));
unixsvr  | client is at ''
unixsvr  | // Echo until the client shuts its side: then recv() returns b''.
unixsvr  | 46> while (true) {
unixsvr  | 47|     var data = conn.recv(1024);
unixsvr  | 48|     if (data.isEmpty()) {
unixsvr  | 49|         break;
unixsvr  | 50|     }
unixsvr  | 51|     print("echoing", len(data), "bytes");
unixsvr  | 52|     conn.sendall(data);
unixsvr  | 53| }
unixsvr  | echoing 5 bytes
unixsvr  | // Close the connection (the client's recv() sees b''), then the listening socket.
unixsvr  | 56> conn.close();
unixsvr  | 57> s.close();
unixsvr  | // close left the file; remove it, so that nothing is left behind.
unixsvr  | 60> unlink(path);
unixclnt | -- recv() goes on
unixclnt | b'hello'
unixclnt | b''
unixclnt | 36> s.close();
[exit 0]

shell> unlink /tmp/sockshell-replay-unix-[[run]].sock
FileNotFoundError: [Errno 2] No such file or directory: '/tmp/sockshell-replay-unix-[[run]].sock'
shell> close t
