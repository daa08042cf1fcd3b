// wps.jsh: the tutorial's client for svr (wps.py, section 5.2), one statement per step.
// It asks the server to run w or ps and prints the lines it gets back, read through a file
// made from the socket, so it never pieces lines together from chunks itself.
//
// Arguments: HOST PORT {w,ps}
//   sockshell replay jshell-scripts/svr.jsh 0 jshell-scripts/wps.jsh 127.0.0.1 PORT w
//   SOCKSHELL_ARGS="127.0.0.1 2000 ps" jshell --class-path target/sockshell.jar jshell-scripts/wps.jsh

// Python's names without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;

// A TCP socket over IPv4.
var s = socket(AF_INET, SOCK_STREAM);

// The server's address and port, from the command line; then connect.
var host = argv(1);
var port = Integer.parseInt(argv(2));
s.connect(addr(host, port));

// Ask for w or ps.
s.send(b(argv(3)));

// A file over the socket. readlines() gathers whole lines however TCP cut the bytes, and
// returns once the server has closed. (The original asks for an unbuffered file,
// makefile('r', 0), which Python 3 allows only for bytes; buffering changes nothing here.)
var flo = s.makefile("r");

// Standard output is a file too: write the lines to it, as they are.
stdout().writelines(flo.readlines());
