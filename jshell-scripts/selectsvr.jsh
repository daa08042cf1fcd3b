// selectsvr.jsh: strsvr.jsh redone the way section 7 of the tutorial recommends. Instead of
// asking every nonblocking socket again and again whether something has come (a busy loop at
// 100% of a processor), the server asks the system once which sockets have something to read,
// with select() or poll(), and waits, using no processor time, until at least one has.
// The listening socket joins the watched sockets too, so clients can come at any time; the
// tutorial notes that without select() that takes a nonblocking listener or threads.
//
// Arguments: PORT [HOST] [select|poll]   (loopback unless a host is given; select by default)
//   sockshell replay jshell-scripts/selectsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT \
//       jshell-scripts/strclnt.jsh 127.0.0.1 PORT --input=strclnt-1:a --input=strclnt-2:u ...

// Python's names without a prefix (socket, select, poll, ...), and the facade's classes.
import static io.sockshell.py.Python.*;
import io.sockshell.py.*;
import java.util.ArrayList;
import java.util.List;

// The listening socket, as in strsvr.jsh.
var lstn = socket(AF_INET, SOCK_STREAM);
var port = Integer.parseInt(argv(1));
var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
lstn.bind(addr(host, port));
lstn.listen(5);

// Which of the two calls to use. Both are the same service at heart: select() takes lists of
// sockets each time, poll() a set registered beforehand with the events of interest.
var usePoll = len(argv()) > 3 && argv(3).equals("poll");

// The sockets among `watched` that have something to read (a letter, a client leaving, or, for
// the listening socket, a client to accept). Waits until there is at least one.
List<PySocket> readable(List<PySocket> watched) {
    if (!usePoll) {
        return select(watched, List.of(), List.of()).readable();
    }
    var p = poll();
    for (var sock : watched) {
        p.register(sock, POLLIN);
    }
    var ready = new ArrayList<PySocket>();
    for (var event : p.poll()) {
        ready.add(event.socket());
    }
    return ready;
}

// The same game as strsvr.jsh: one string of letters, two clients.
var v = b("");
var cs = new ArrayList<PySocket>();
var nc = 2;
var accepted = 0;

// Until both clients have come and gone: wait for whatever is ready, and handle just that.
// Every socket stays blocking; select() has said that these calls will not wait.
while (accepted < nc || len(cs) > 0) {
    var watched = new ArrayList<PySocket>(cs);
    if (accepted < nc) {
        watched.add(lstn);
    }
    for (var sock : readable(watched)) {
        if (sock == lstn) {
            // A new client.
            cs.add(lstn.accept().conn());
            accepted += 1;
            continue;
        }
        var k = sock.recv(1);
        if (k.isEmpty()) {
            // This client has left.
            sock.close();
            cs.remove(sock);
            continue;
        }
        v = v.concat(k);
        sock.send(v);
    }
}

// Everyone is gone.
lstn.close();
print("the final value of v is", decode(v));
