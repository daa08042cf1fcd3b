// tmc.jsh: the tutorial's echo client (tmc.py, section 2), one statement per step.
// It sends a string to tms and prints what comes back, chunk by chunk: TCP delivers a byte
// stream, in pieces of whatever size, not in messages.
//
// Arguments: HOST PORT STRING
//   sockshell replay jshell-scripts/tms.jsh 0 jshell-scripts/tmc.jsh 127.0.0.1 PORT abc --input=tms:
//   SOCKSHELL_ARGS="127.0.0.1 2000 abc" jshell --class-path target/sockshell.jar jshell-scripts/tmc.jsh

// Python's names without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;

// A TCP socket over IPv4, like the server's.
var s = socket(AF_INET, SOCK_STREAM);

// Where the server is: its address and port, from the command line.
var host = argv(1);
var port = Integer.parseInt(argv(2));

// Connect. Our system picks an ephemeral port for this end and makes the TCP handshake with
// the server's; the server's accept() returns now.
s.connect(addr(host, port));

// Send the test string. Sockets carry bytes, so the text is encoded first: b("abc") is b'abc'.
s.send(b(argv(3)));

// Read the echo in a loop. recv() waits while nothing has arrived, returns what has (up to
// 1000000 bytes), and returns b'' once the server has closed and everything is read.
var i = 0;
while (true) {
    var data = s.recv(1000000);
    i += 1;
    // Show the first few chunks themselves.
    if (i < 5) {
        print(data);
    }
    // b'': the end of the stream.
    if (data.isEmpty()) {
        break;
    }
    print("received", len(data), "bytes");
}

// Close our end.
s.close();
