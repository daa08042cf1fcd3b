# Bad input: a server whose client never comes is stopped after --wait, saying where it waited.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never --wait 1 jshell-scripts/tms.jsh 0
// tms.jsh: the tutorial's echo server (tms.py, section 2), one statement per step.
// It reads a short string from one client and sends back 10000 copies of it, but only after
// Enter is pressed here: meanwhile the client waits in recv(), which is the point.
//
// Arguments: PORT [HOST]   PORT 0 lets the system choose; HOST defaults to loopback.
//   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
//   SOCKSHELL_ARGS=2000 jshell --class-path target/sockshell.jar jshell-scripts/tms.jsh
// jshell-scripts/README.md lists every way to give arguments and keyboard input.
// Python's names (socket, AF_INET, print, input, ...) without a prefix, as after `import socket`.
11> import static io.sockshell.py.Python.*;
// A socket for TCP (SOCK_STREAM) over IPv4 (AF_INET). Nothing goes on the network yet: this is
// only a handle, which the next calls fill in.
15> var s = socket(AF_INET, SOCK_STREAM);
s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
// Where to serve. The tutorial leaves the host blank, '' meaning every address of this machine;
// here it is loopback unless a host is given, so following along opens nothing to the network.
19> var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
host ==> "127.0.0.1"
// The port, from the command line (sys.argv[1]).
22> var port = Integer.parseInt(argv(1));
port ==> 0
// Claim the address. If another program holds the port, this raises
// OSError: [Errno 98] Address already in use.
26> s.bind(addr(host, port));
// Become a listening socket: the system now completes connections to this port by itself,
// keeping up to 1 of them waiting to be accepted.
30> s.listen(1);
-- listening on port PORT
// Wait for a client. accept() blocks until one has connected, then returns a new, connected
// socket for talking to it, and the client's address: its IP and the port its system chose.
34> var accepted = s.accept();
-- stopped at tms.jsh:34, where accept() waits: nothing happened for 1 s (--wait to wait longer)
-- left open, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', PORT)>
[exit 1]
