// strclnt.jsh: the client of the nonblocking server (strclnt.py, section 6), one statement
// per step. It sends one letter per line typed and prints the server's string after each; an
// empty line ends it.
//
// Arguments: HOST PORT; the letters come from the keyboard.
//   SOCKSHELL_ARGS="127.0.0.1 2000" jshell --class-path target/sockshell.jar jshell-scripts/strclnt.jsh

// Python's names without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;

// A TCP socket over IPv4, connected to the server named on the command line.
var s = socket(AF_INET, SOCK_STREAM);
var host = argv(1);
var port = Integer.parseInt(argv(2));
s.connect(addr(host, port));

// Letters until an empty line.
while (true) {
    // One line from the keyboard (Python 2's raw_input).
    var k = input("enter a letter:");
    // Send it as bytes; an empty line sends nothing at all.
    s.send(b(k));
    // The empty line is the signal to stop; the server notices when we close.
    if (k.isEmpty()) {
        break;
    }
    // The server's whole string so far (up to 1024 bytes), shown as text.
    var v = s.recv(1024);
    print(decode(v));
}

// Close the socket: the server's recv() returns b'' for us.
s.close();
