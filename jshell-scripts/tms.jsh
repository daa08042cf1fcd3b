// tms.jsh: the tutorial's echo server (tms.py, section 2), one statement per step.
// It reads a short string from one client and sends back 10000 copies of it, but only after
// Enter is pressed here: meanwhile the client waits in recv(), which is the point.
//
// Arguments: PORT [HOST]   PORT 0 lets the system choose; HOST defaults to loopback.
//   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
//   SOCKSHELL_ARGS=2000 jshell --class-path target/sockshell.jar jshell-scripts/tms.jsh
// jshell-scripts/README.md lists every way to give arguments and keyboard input.

// Python's names (socket, AF_INET, print, input, ...) without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;

// A socket for TCP (SOCK_STREAM) over IPv4 (AF_INET). Nothing goes on the network yet: this is
// only a handle, which the next calls fill in.
var s = socket(AF_INET, SOCK_STREAM);

// Where to serve. The tutorial leaves the host blank, '' meaning every address of this machine;
// here it is loopback unless a host is given, so following along opens nothing to the network.
var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";

// The port, from the command line (sys.argv[1]).
var port = Integer.parseInt(argv(1));

// Claim the address. If another program holds the port, this raises
// OSError: [Errno 98] Address already in use.
s.bind(addr(host, port));

// Become a listening socket: the system now completes connections to this port by itself,
// keeping up to 1 of them waiting to be accepted.
s.listen(1);

// Wait for a client. accept() blocks until one has connected, then returns a new, connected
// socket for talking to it, and the client's address: its IP and the port its system chose.
var accepted = s.accept();

// Python unpacks the pair in one go: conn, addr = s.accept().
var conn = accepted.conn();
var addr = accepted.addr();
print("client is at", addr);

// Read what the client sent, up to 1000000 bytes. A single recv() is sloppy, as the tutorial
// admits (TCP may hand over a string in pieces), but enough for a few bytes on one network.
var data = conn.recv(1000000);

// 10000 copies in one long byte string, so long that the client must read it in a loop.
data = data.repeat(10000);

// Wait for Enter on this keyboard. Meanwhile the client is stuck in recv(): it has nothing to
// read until we send.
var z = input();

// Send it all. send() returns how many bytes the system took.
conn.send(data);

// Close the connection. The client reads the rest, then its recv() returns b''.
conn.close();
