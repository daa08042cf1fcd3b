# sendall.jsh: a send loop against sendall (tutorial 4).
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never jshell-scripts/sendall.jsh
// sendall.jsh: section 4 of the tutorial, which has no program of its own. send() hands the
// system as much of the data as fits in its buffers right now, and says how much that was:
// possibly not all. So either loop until everything is sent, or call sendall(), which loops
// for you. Both ends of one connection live in this script, so it needs no arguments.
//   sockshell replay jshell-scripts/sendall.jsh
//   jshell --class-path target/sockshell.jar jshell-scripts/sendall.jsh
// Python's names without a prefix, the facade's classes, and the bytes type (from the engine).
9> import static io.sockshell.py.Python.*;
10> import io.sockshell.py.*;
11> import io.sockshell.engine.PyBytes;
12> import java.util.List;
13> import java.util.concurrent.atomic.AtomicLong;
// A server on loopback, on a port the system chooses (port 0). Its connections get a small
// receive buffer (64 KiB), and the system may not grow it.
17> var lstn = socket(AF_INET, SOCK_STREAM);
lstn ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
18> lstn.setsockopt(SO_RCVBUF, 65536);
19> lstn.bind(addr("127.0.0.1", 0));
20> lstn.listen(1);
-- listening on port PORT
// A client with a small send buffer too, connected to that server. The connection is made by
// the system even before the server calls accept().
24> var s = socket(AF_INET, SOCK_STREAM);
s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
25> s.setsockopt(SO_SNDBUF, 65536);
26> s.connect(lstn.getsockname());
// The server's end of the connection. It only reads when this script says so.
29> var conn = lstn.accept().conn();
conn ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', PORT), raddr=('127.0.0.1', EPH1)>
// A message far bigger than the buffers between the two ends can hold: 4 MB.
32> var message = b("x").repeat(4_000_000);
message ==> b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (4000003 characters in all)
// The ends are nonblocking, so that one program can play both: a call that would have to wait
// raises BlockingIOError instead.
36> s.setblocking(false);
37> conn.setblocking(false);
// Reads whatever has arrived at `sock`, until nothing more has; returns how many bytes.
40> long drain(PySocket sock) {
41|     long total = 0;
42|     while (true) {
43|         try {
44|             total += len(sock.recv(1 << 20));
45|         } catch (BlockingIOError e) {
46|             return total;
47|         }
48|     }
49| }
created method drain(PySocket)
// The tutorial's loop: send, keep what was not taken, send that, until nothing is left.
// When the buffers are full, send() raises BlockingIOError; then the reader empties them.
53> var w = message;
w ==> b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx... (4000003 characters in all)
54> var sendCalls = 0;
sendCalls ==> 0
55> var received = 0L;
received ==> 0
56> while (len(w) > 0) {
57|     try {
58|         var ns = s.send(w);
59|         w = w.slice(ns, len(w));
60|         sendCalls += 1;
61|     } catch (BlockingIOError e) {
62|         received += drain(conn);
63|     }
64| }
// The last bytes may still be on their way to the reader: wait for them (select() says when).
67> while (received < len(message) && !select(List.of(conn), List.of(), List.of(), 5.0).isEmpty()) {
68|     received += drain(conn);
69| }
// send() took only part of the message each time; every byte arrived all the same.
72> print("send() was called", sendCalls > 1 ? "more than once" : "once", "to pass on", len(message), "bytes");
send() was called more than once to pass on 4000000 bytes
73> print("the reader received", received, "bytes");
the reader received 4000000 bytes
// sendall() runs that loop inside: it returns once every byte is in the system's hands, waiting
// whenever the buffers are full. So it needs a blocking socket, and someone reading at the same
// time: here a second thread plays the receiving program.
78> long sendallWhileReading(PySocket sender, PySocket receiver, PyBytes data) throws InterruptedException {
79|     var total = new AtomicLong();
80|     receiver.settimeout(10.0);
81|     var reader = new Thread(() -> {
82|         while (total.get() < len(data)) {
83|             total.addAndGet(len(receiver.recv(1 << 20)));
84|         }
85|     });
86|     reader.start();
87|     sender.setblocking(true);
88|     sender.sendall(data);
89|     reader.join(10_000);
90|     return total.get();
91| }
created method sendallWhileReading(PySocket,PySocket,PyBytes)
92> var delivered = sendallWhileReading(s, conn, message);
delivered ==> 4000000
// sendall() is for blocking sockets only: on a nonblocking one it raises as soon as the
// buffers are full, and nobody can tell how much of the data went.
96> s.setblocking(false);
 97> try {
 98|     s.sendall(message);
 99| } catch (BlockingIOError e) {
100|     print("sendall() on a nonblocking socket:", e.getMessage());
101| }
sendall() on a nonblocking socket: BlockingIOError: [Errno 11] Resource temporarily unavailable
// Done: close all three sockets.
104> s.close();
105> conn.close();
106> lstn.close();
[exit 0]
