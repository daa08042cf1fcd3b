// sendall.jsh: section 4 of the tutorial, which has no program of its own. send() hands the
// system as much of the data as fits in its buffers right now, and says how much that was:
// possibly not all. So either loop until everything is sent, or call sendall(), which loops
// for you. Both ends of one connection live in this script, so it needs no arguments.
//   sockshell replay jshell-scripts/sendall.jsh
//   jshell --class-path target/sockshell.jar jshell-scripts/sendall.jsh

// Python's names without a prefix, the facade's classes, and the bytes type (from the engine).
import static io.sockshell.py.Python.*;
import io.sockshell.py.*;
import io.sockshell.engine.PyBytes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

// A server on loopback, on a port the system chooses (port 0). Its connections get a small
// receive buffer (64 KiB), and the system may not grow it.
var lstn = socket(AF_INET, SOCK_STREAM);
lstn.setsockopt(SO_RCVBUF, 65536);
lstn.bind(addr("127.0.0.1", 0));
lstn.listen(1);

// A client with a small send buffer too, connected to that server. The connection is made by
// the system even before the server calls accept().
var s = socket(AF_INET, SOCK_STREAM);
s.setsockopt(SO_SNDBUF, 65536);
s.connect(lstn.getsockname());

// The server's end of the connection. It only reads when this script says so.
var conn = lstn.accept().conn();

// A message far bigger than the buffers between the two ends can hold: 4 MB.
var message = b("x").repeat(4_000_000);

// The ends are nonblocking, so that one program can play both: a call that would have to wait
// raises BlockingIOError instead.
s.setblocking(false);
conn.setblocking(false);

// Reads whatever has arrived at `sock`, until nothing more has; returns how many bytes.
long drain(PySocket sock) {
    long total = 0;
    while (true) {
        try {
            total += len(sock.recv(1 << 20));
        } catch (BlockingIOError e) {
            return total;
        }
    }
}

// The tutorial's loop: send, keep what was not taken, send that, until nothing is left.
// When the buffers are full, send() raises BlockingIOError; then the reader empties them.
var w = message;
var sendCalls = 0;
var received = 0L;
while (len(w) > 0) {
    try {
        var ns = s.send(w);
        w = w.slice(ns, len(w));
        sendCalls += 1;
    } catch (BlockingIOError e) {
        received += drain(conn);
    }
}

// The last bytes may still be on their way to the reader: wait for them (select() says when).
while (received < len(message) && !select(List.of(conn), List.of(), List.of(), 5.0).isEmpty()) {
    received += drain(conn);
}

// send() took only part of the message each time; every byte arrived all the same.
print("send() was called", sendCalls > 1 ? "more than once" : "once", "to pass on", len(message), "bytes");
print("the reader received", received, "bytes");

// sendall() runs that loop inside: it returns once every byte is in the system's hands, waiting
// whenever the buffers are full. So it needs a blocking socket, and someone reading at the same
// time: here a second thread plays the receiving program.
long sendallWhileReading(PySocket sender, PySocket receiver, PyBytes data) throws InterruptedException {
    var total = new AtomicLong();
    receiver.settimeout(10.0);
    var reader = new Thread(() -> {
        while (total.get() < len(data)) {
            total.addAndGet(len(receiver.recv(1 << 20)));
        }
    });
    reader.start();
    sender.setblocking(true);
    sender.sendall(data);
    reader.join(10_000);
    return total.get();
}
var delivered = sendallWhileReading(s, conn, message);

// sendall() is for blocking sockets only: on a nonblocking one it raises as soon as the
// buffers are full, and nobody can tell how much of the data went.
s.setblocking(false);
try {
    s.sendall(message);
} catch (BlockingIOError e) {
    print("sendall() on a nonblocking socket:", e.getMessage());
}

// Done: close all three sockets.
s.close();
conn.close();
lstn.close();
