# Bad input: the client of a pair fails; the server is stopped and both say why.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1
tms | // tms.jsh: the tutorial's echo server (tms.py, section 2), one statement per step.
tms | // It reads a short string from one client and sends back 10000 copies of it, but only after
tms | // Enter is pressed here: meanwhile the client waits in recv(), which is the point.
tms | //
tms | // Arguments: PORT [HOST]   PORT 0 lets the system choose; HOST defaults to loopback.
tms | //   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
tms | //   SOCKSHELL_ARGS=2000 jshell --class-path target/sockshell.jar jshell-scripts/tms.jsh
tms | // jshell-scripts/README.md lists every way to give arguments and keyboard input.
tms | // Python's names (socket, AF_INET, print, input, ...) without a prefix, as after `import socket`.
tms | 11> import static io.sockshell.py.Python.*;
tms | // A socket for TCP (SOCK_STREAM) over IPv4 (AF_INET). Nothing goes on the network yet: this is
tms | // only a handle, which the next calls fill in.
tms | 15> var s = socket(AF_INET, SOCK_STREAM);
tms | s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
tms | // Where to serve. The tutorial leaves the host blank, '' meaning every address of this machine;
tms | // here it is loopback unless a host is given, so following along opens nothing to the network.
tms | 19> var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
tms | host ==> "127.0.0.1"
tms | // The port, from the command line (sys.argv[1]).
tms | 22> var port = Integer.parseInt(argv(1));
tms | port ==> 0
tms | // Claim the address. If another program holds the port, this raises
tms | // OSError: [Errno 98] Address already in use.
tms | 26> s.bind(addr(host, port));
tms | // Become a listening socket: the system now completes connections to this port by itself,
tms | // keeping up to 1 of them waiting to be accepted.
tms | 30> s.listen(1);
tms | // Wait for a client. accept() blocks until one has connected, then returns a new, connected
tms | // socket for talking to it, and the client's address: its IP and the port its system chose.
tms | 34> var accepted = s.accept();
tms | -- accept() waits: no client has connected yet
tmc | // tmc.jsh: the tutorial's echo client (tmc.py, section 2), one statement per step.
tmc | // It sends a string to tms and prints what comes back, chunk by chunk: TCP delivers a byte
tmc | // stream, in pieces of whatever size, not in messages.
tmc | //
tmc | // Arguments: HOST PORT STRING
tmc | //   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
tmc | //   SOCKSHELL_ARGS="127.0.0.1 2000 abc" jshell --class-path target/sockshell.jar jshell-scripts/tmc.jsh
tmc | // Python's names without a prefix, as after `import socket`.
tmc | 10> import static io.sockshell.py.Python.*;
tmc | // A TCP socket over IPv4, like the server's.
tmc | 13> var s = socket(AF_INET, SOCK_STREAM);
tmc | s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
tmc | // Where the server is: its address and port, from the command line.
tmc | 16> var host = argv(1);
tmc | host ==> "127.0.0.1"
tmc | 17> var port = Integer.parseInt(argv(2));
tmc | tmc.jsh:17: IndexError: list index out of range: sys.argv[2] is missing; this program was given ['127.0.0.1']
tmc | -- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
tms | -- stopped at tms.jsh:34, where accept() waits: no client has connected yet: tmc failed at tmc.jsh:17
tms | -- left open, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', PORT)>
[exit 1]
