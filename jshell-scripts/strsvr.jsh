// strsvr.jsh: the tutorial's nonblocking server (strsvr.py, section 6), one statement per step.
// Two clients send letters; the server appends each letter to one string v and sends v back to
// whoever sent the letter. It never waits on one client: its sockets are nonblocking, and it
// asks each in turn whether something has come, again and again.
//
// That busy loop keeps a processor at 100% while nothing happens (section 7's select() is the
// cure: see selectsvr.jsh). In a replay with clients, the loop gives up its turn each time it
// finds nothing, so the replay stays quick.
//
// Arguments: PORT [HOST]
//   sockshell replay jshell-scripts/strsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT \
//       jshell-scripts/strclnt.jsh 127.0.0.1 PORT --input=strclnt-1:a --input=strclnt-2:u ...

// Python's names without a prefix, and the facade's classes (PySocket, OSError).
import static io.sockshell.py.Python.*;
import io.sockshell.py.*;
import java.util.ArrayList;

// The listening socket, TCP over IPv4.
var lstn = socket(AF_INET, SOCK_STREAM);

// The port from the command line; loopback unless a host is given.
var port = Integer.parseInt(argv(1));
var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";

// Claim the address, and listen with room for 5 waiting connections.
lstn.bind(addr(host, port));
lstn.listen(5);

// v: every letter received so far, from any client, as bytes.
var v = b("");

// The connected clients, served in turn like a queue.
var cs = new ArrayList<PySocket>();

// This example serves a fixed number of clients.
var nc = 2;

// Accept them all first (accept() waits here, the listening socket being blocking), and make
// each connected socket nonblocking.
for (var i = 0; i < nc; i++) {
    var accepted = lstn.accept();
    var clnt = accepted.conn();
    clnt.setblocking(false);
    cs.add(clnt);
}

// Until every client has left: take the next client from the front of the queue, put it at the
// back, and see whether it sent a letter.
while (len(cs) > 0) {
    var clnt = cs.remove(0);
    cs.add(clnt);
    try {
        // One byte, if there is one; if not, a nonblocking socket raises BlockingIOError
        // instead of waiting.
        var k = clnt.recv(1);
        // b'': this client has closed; drop it.
        if (k.isEmpty()) {
            clnt.close();
            cs.remove(clnt);
        }
        // Add the letter (nothing, if the client left) and send the whole string back.
        v = v.concat(k);
        clnt.send(v);
    } catch (OSError e) {
        // Nothing to read yet (BlockingIOError), or the send to a client just closed above.
        // The original's bare `except: pass` would swallow Ctrl-C too; OSError leaves it alone.
    }
}

// Everyone is gone.
lstn.close();
print("the final value of v is", decode(v));
