// svr.jsh: the tutorial's remote w/ps server (svr.py, section 5.2), one statement per step.
// A client sends "w" or "ps"; the server runs it and writes the output back as lines, through
// a file made from the socket with makefile().
//
// Safety, changed from the original: svr.py hands the client's bytes to os.popen, i.e. to a
// shell, so anyone who can connect runs any command. Here the bytes only choose between w and
// ps, run with no arguments for at most 5 s; at most 2 bytes are read from a client; a client
// that sends nothing for IDLE seconds (default 10) is dropped, so it cannot hold the server,
// which serves one client at a time; and the server listens on loopback unless given a host.
//
// Arguments: PORT [HOST [IDLE]]
//   sockshell replay jshell-scripts/svr.jsh 0 jshell-scripts/wps.jsh 127.0.0.1 PORT w
//   SOCKSHELL_ARGS=2000 jshell --class-path target/sockshell.jar jshell-scripts/svr.jsh

// Python's names without a prefix, as after `import socket`.
import static io.sockshell.py.Python.*;
// The exception a timed-out recv raises (Python's TimeoutError), and the type recv returns.
import io.sockshell.py.TimeoutError;
import io.sockshell.engine.PyBytes;

// The listening socket: TCP over IPv4.
var ls = socket(AF_INET, SOCK_STREAM);

// The port from the command line, and the host if one is given (loopback otherwise).
var port = Integer.parseInt(argv(1));
var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
var idle = len(argv()) > 3 ? Double.parseDouble(argv(3)) : 10.0;

// Claim the address.
ls.bind(addr(host, port));

// Serve one client after another, for ever.
while (true) {
    // Listen (again): on a socket that already listens this changes nothing.
    ls.listen(1);
    // Wait for the next client.
    var accepted = ls.accept();
    var conn = accepted.conn();
    var addr = accepted.addr();
    print("client is at", addr);
    // The request: at most 2 bytes, enough for "w" or "ps", within IDLE seconds.
    conn.settimeout(idle);
    PyBytes rc;
    try {
        rc = conn.recv(2);
    } catch (TimeoutError e) {
        print("client sent nothing for", idle, "seconds: dropped");
        conn.close();
        continue;
    }
    // Run it, if it is w or ps, and collect its output lines.
    var rl = popenOnly(rc, "w", "ps");
    // A file over the connection, for writing lines rather than counting bytes.
    var flo = conn.makefile("w");
    // Every line but the last, as the original writes rl[:-1].
    flo.writelines(rl.subList(0, Math.max(0, len(rl) - 1)));
    // Close the file first, which sends what it holds, then the connection.
    flo.close();
    conn.close();
}
