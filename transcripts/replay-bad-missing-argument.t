# Bad input: a script run without the argument it needs.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never jshell-scripts/tmc.jsh 127.0.0.1
// tmc.jsh: the tutorial's echo client (tmc.py, section 2), one statement per step.
// It sends a string to tms and prints what comes back, chunk by chunk: TCP delivers a byte
// stream, in pieces of whatever size, not in messages.
//
// Arguments: HOST PORT STRING
//   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
//   SOCKSHELL_ARGS="127.0.0.1 2000 abc" jshell --class-path target/sockshell.jar jshell-scripts/tmc.jsh
// Python's names without a prefix, as after `import socket`.
10> import static io.sockshell.py.Python.*;
// A TCP socket over IPv4, like the server's.
13> var s = socket(AF_INET, SOCK_STREAM);
s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
// Where the server is: its address and port, from the command line.
16> var host = argv(1);
host ==> "127.0.0.1"
17> var port = Integer.parseInt(argv(2));
tmc.jsh:17: IndexError: list index out of range: sys.argv[2] is missing; this program was given ['127.0.0.1']
-- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
[exit 1]
