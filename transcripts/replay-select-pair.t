# selectsvr.jsh with select() and two strclnt.jsh (tutorial 7).
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never --input=strclnt-1:a --input=strclnt-1:b --input=strclnt-1:c --input=strclnt-2:u --input=strclnt-2:u --input=strclnt-2:v --input=strclnt-2:v --input=strclnt-1:d --input=strclnt-2:w --input=strclnt-2:w --input=strclnt-1:e --input=strclnt-1: --input=strclnt-2: jshell-scripts/selectsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT jshell-scripts/strclnt.jsh 127.0.0.1 PORT
selectsvr | // selectsvr.jsh: strsvr.jsh redone the way section 7 of the tutorial recommends. Instead of
selectsvr | // asking every nonblocking socket again and again whether something has come (a busy loop at
selectsvr | // 100% of a processor), the server asks the system once which sockets have something to read,
selectsvr | // with select() or poll(), and waits, using no processor time, until at least one has.
selectsvr | // The listening socket joins the watched sockets too, so clients can come at any time; the
selectsvr | // tutorial notes that without select() that takes a nonblocking listener or threads.
selectsvr | //
selectsvr | // Arguments: PORT [HOST] [select|poll]   (loopback unless a host is given; select by default)
selectsvr | //   sockshell replay jshell-scripts/selectsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT \
selectsvr | //       jshell-scripts/strclnt.jsh 127.0.0.1 PORT --input=strclnt-1:a --input=strclnt-2:u ...
selectsvr | // Python's names without a prefix (socket, select, poll, ...), and the facade's classes.
selectsvr | 13> import static io.sockshell.py.Python.*;
selectsvr | 14> import io.sockshell.py.*;
selectsvr | 15> import java.util.ArrayList;
selectsvr | 16> import java.util.List;
selectsvr | // The listening socket, as in strsvr.jsh.
selectsvr | 19> var lstn = socket(AF_INET, SOCK_STREAM);
selectsvr | lstn ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
selectsvr | 20> var port = Integer.parseInt(argv(1));
selectsvr | port ==> 0
selectsvr | 21> var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
selectsvr | host ==> "127.0.0.1"
selectsvr | 22> lstn.bind(addr(host, port));
selectsvr | 23> lstn.listen(5);
selectsvr | // Which of the two calls to use. Both are the same service at heart: select() takes lists of
selectsvr | // sockets each time, poll() a set registered beforehand with the events of interest.
selectsvr | 27> var usePoll = len(argv()) > 3 && argv(3).equals("poll");
selectsvr | usePoll ==> false
selectsvr | // The sockets among `watched` that have something to read (a letter, a client leaving, or, for
selectsvr | // the listening socket, a client to accept). Waits until there is at least one.
selectsvr | 31> List<PySocket> readable(List<PySocket> watched) {
selectsvr | 32|     if (!usePoll) {
selectsvr | 33|         return select(watched, List.of(), List.of()).readable();
selectsvr | 34|     }
selectsvr | 35|     var p = poll();
selectsvr | 36|     for (var sock : watched) {
selectsvr | 37|         p.register(sock, POLLIN);
selectsvr | 38|     }
selectsvr | 39|     var ready = new ArrayList<PySocket>();
selectsvr | 40|     for (var event : p.poll()) {
selectsvr | 41|         ready.add(event.socket());
selectsvr | 42|     }
selectsvr | 43|     return ready;
selectsvr | 44| }
selectsvr | created method readable(List<PySocket>)
selectsvr | // The same game as strsvr.jsh: one string of letters, two clients.
selectsvr | 47> var v = b("");
selectsvr | v ==> b''
selectsvr | 48> var cs = new ArrayList<PySocket>();
selectsvr | cs ==> []
selectsvr | 49> var nc = 2;
selectsvr | nc ==> 2
selectsvr | 50> var accepted = 0;
selectsvr | accepted ==> 0
selectsvr | // Until both clients have come and gone: wait for whatever is ready, and handle just that.
selectsvr | // Every socket stays blocking; select() has said that these calls will not wait.
selectsvr | 54> while (accepted < nc || len(cs) > 0) {
selectsvr | 55|     var watched = new ArrayList<PySocket>(cs);
selectsvr | 56|     if (accepted < nc) {
selectsvr | 57|         watched.add(lstn);
selectsvr | 58|     }
selectsvr | 59|     for (var sock : readable(watched)) {
selectsvr | 60|         if (sock == lstn) {
selectsvr | 61|             // A new client.
selectsvr | 62|             cs.add(lstn.accept().conn());
selectsvr | 63|             accepted += 1;
selectsvr | 64|             continue;
selectsvr | 65|         }
selectsvr | 66|         var k = sock.recv(1);
selectsvr | 67|         if (k.isEmpty()) {
selectsvr | 68|             // This client has left.
selectsvr | 69|             sock.close();
selectsvr | 70|             cs.remove(sock);
selectsvr | 71|             continue;
selectsvr | 72|         }
selectsvr | 73|         v = v.concat(k);
selectsvr | 74|         sock.send(v);
selectsvr | 75|     }
selectsvr | 76| }
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | // strclnt.jsh: the client of the nonblocking server (strclnt.py, section 6), one statement
strclnt-1 | // per step. It sends one letter per line typed and prints the server's string after each; an
strclnt-1 | // empty line ends it.
strclnt-1 | //
strclnt-1 | // Arguments: HOST PORT; the letters come from the keyboard.
strclnt-1 | //   SOCKSHELL_ARGS="127.0.0.1 2000" jshell --class-path target/sockshell.jar jshell-scripts/strclnt.jsh
strclnt-1 | // Python's names without a prefix, as after `import socket`.
strclnt-1 | 9> import static io.sockshell.py.Python.*;
strclnt-1 | // A TCP socket over IPv4, connected to the server named on the command line.
strclnt-1 | 12> var s = socket(AF_INET, SOCK_STREAM);
strclnt-1 | s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
strclnt-1 | 13> var host = argv(1);
strclnt-1 | host ==> "127.0.0.1"
strclnt-1 | 14> var port = Integer.parseInt(argv(2));
strclnt-1 | port ==> PORT
strclnt-1 | 15> s.connect(addr(host, port));
strclnt-1 | // Letters until an empty line.
strclnt-1 | 18> while (true) {
strclnt-1 | 19|     // One line from the keyboard (Python 2's raw_input).
strclnt-1 | 20|     var k = input("enter a letter:");
strclnt-1 | 21|     // Send it as bytes; an empty line sends nothing at all.
strclnt-1 | 22|     s.send(b(k));
strclnt-1 | 23|     // The empty line is the signal to stop; the server notices when we close.
strclnt-1 | 24|     if (k.isEmpty()) {
strclnt-1 | 25|         break;
strclnt-1 | 26|     }
strclnt-1 | 27|     // The server's whole string so far (up to 1024 bytes), shown as text.
strclnt-1 | 28|     var v = s.recv(1024);
strclnt-1 | 29|     print(decode(v));
strclnt-1 | 30| }
strclnt-2 | // strclnt.jsh: the client of the nonblocking server (strclnt.py, section 6), one statement
strclnt-2 | // per step. It sends one letter per line typed and prints the server's string after each; an
strclnt-2 | // empty line ends it.
strclnt-2 | //
strclnt-2 | // Arguments: HOST PORT; the letters come from the keyboard.
strclnt-2 | //   SOCKSHELL_ARGS="127.0.0.1 2000" jshell --class-path target/sockshell.jar jshell-scripts/strclnt.jsh
strclnt-2 | // Python's names without a prefix, as after `import socket`.
strclnt-2 | 9> import static io.sockshell.py.Python.*;
strclnt-2 | // A TCP socket over IPv4, connected to the server named on the command line.
strclnt-2 | 12> var s = socket(AF_INET, SOCK_STREAM);
strclnt-2 | s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
strclnt-2 | 13> var host = argv(1);
strclnt-2 | host ==> "127.0.0.1"
strclnt-2 | 14> var port = Integer.parseInt(argv(2));
strclnt-2 | port ==> PORT
strclnt-2 | 15> s.connect(addr(host, port));
strclnt-2 | // Letters until an empty line.
strclnt-2 | 18> while (true) {
strclnt-2 | 19|     // One line from the keyboard (Python 2's raw_input).
strclnt-2 | 20|     var k = input("enter a letter:");
strclnt-2 | 21|     // Send it as bytes; an empty line sends nothing at all.
strclnt-2 | 22|     s.send(b(k));
strclnt-2 | 23|     // The empty line is the signal to stop; the server notices when we close.
strclnt-2 | 24|     if (k.isEmpty()) {
strclnt-2 | 25|         break;
strclnt-2 | 26|     }
strclnt-2 | 27|     // The server's whole string so far (up to 1024 bytes), shown as text.
strclnt-2 | 28|     var v = s.recv(1024);
strclnt-2 | 29|     print(decode(v));
strclnt-2 | 30| }
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | enter a letter:a
strclnt-1 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | -- recv() goes on
strclnt-1 | a
strclnt-1 | enter a letter:b
strclnt-1 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | -- recv() goes on
strclnt-1 | ab
strclnt-1 | enter a letter:c
strclnt-1 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | -- recv() goes on
strclnt-1 | abc
strclnt-2 | enter a letter:u
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcu
strclnt-2 | enter a letter:u
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcuu
strclnt-2 | enter a letter:v
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuv
strclnt-2 | enter a letter:v
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvv
strclnt-1 | enter a letter:d
strclnt-1 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | -- recv() goes on
strclnt-1 | abcuuvvd
strclnt-2 | enter a letter:w
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvvdw
strclnt-2 | enter a letter:w
strclnt-2 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvvdww
strclnt-1 | enter a letter:e
strclnt-1 | -- recv() waits: nothing has arrived yet
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-1 | -- recv() goes on
strclnt-1 | abcuuvvdwwe
strclnt-1 | enter a letter:
strclnt-1 | // Close the socket: the server's recv() returns b'' for us.
strclnt-1 | 33> s.close();
selectsvr | -- select() goes on
selectsvr | -- select() waits: none of its sockets is ready
strclnt-2 | enter a letter:
strclnt-2 | // Close the socket: the server's recv() returns b'' for us.
strclnt-2 | 33> s.close();
selectsvr | -- select() goes on
selectsvr | // Everyone is gone.
selectsvr | 79> lstn.close();
selectsvr | 80> print("the final value of v is", decode(v));
selectsvr | the final value of v is abcuuvvdwwe
[exit 0]
