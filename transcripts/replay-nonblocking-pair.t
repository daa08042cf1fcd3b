# strsvr.jsh and two strclnt.jsh, the nonblocking server (tutorial 6), letters typed by --input.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never --input=strclnt-1:a --input=strclnt-1:b --input=strclnt-1:c --input=strclnt-2:u --input=strclnt-2:u --input=strclnt-2:v --input=strclnt-2:v --input=strclnt-1:d --input=strclnt-2:w --input=strclnt-2:w --input=strclnt-1:e --input=strclnt-1: --input=strclnt-2: jshell-scripts/strsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT jshell-scripts/strclnt.jsh 127.0.0.1 PORT
strsvr    | // strsvr.jsh: the tutorial's nonblocking server (strsvr.py, section 6), one statement per step.
strsvr    | // Two clients send letters; the server appends each letter to one string v and sends v back to
strsvr    | // whoever sent the letter. It never waits on one client: its sockets are nonblocking, and it
strsvr    | // asks each in turn whether something has come, again and again.
strsvr    | //
strsvr    | // That busy loop keeps a processor at 100% while nothing happens (section 7's select() is the
strsvr    | // cure: see selectsvr.jsh). In a replay with clients, the loop gives up its turn each time it
strsvr    | // finds nothing, so the replay stays quick.
strsvr    | //
strsvr    | // Arguments: PORT [HOST]
strsvr    | //   sockshell replay jshell-scripts/strsvr.jsh 0 jshell-scripts/strclnt.jsh 127.0.0.1 PORT \
strsvr    | //       jshell-scripts/strclnt.jsh 127.0.0.1 PORT --input=strclnt-1:a --input=strclnt-2:u ...
strsvr    | // Python's names without a prefix, and the facade's classes (PySocket, OSError).
strsvr    | 15> import static io.sockshell.py.Python.*;
strsvr    | 16> import io.sockshell.py.*;
strsvr    | 17> import java.util.ArrayList;
strsvr    | // The listening socket, TCP over IPv4.
strsvr    | 20> var lstn = socket(AF_INET, SOCK_STREAM);
strsvr    | lstn ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
strsvr    | // The port from the command line; loopback unless a host is given.
strsvr    | 23> var port = Integer.parseInt(argv(1));
strsvr    | port ==> 0
strsvr    | 24> var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
strsvr    | host ==> "127.0.0.1"
strsvr    | // Claim the address, and listen with room for 5 waiting connections.
strsvr    | 27> lstn.bind(addr(host, port));
strsvr    | 28> lstn.listen(5);
strsvr    | // v: every letter received so far, from any client, as bytes.
strsvr    | 31> var v = b("");
strsvr    | v ==> b''
strsvr    | // The connected clients, served in turn like a queue.
strsvr    | 34> var cs = new ArrayList<PySocket>();
strsvr    | cs ==> []
strsvr    | // This example serves a fixed number of clients.
strsvr    | 37> var nc = 2;
strsvr    | nc ==> 2
strsvr    | // Accept them all first (accept() waits here, the listening socket being blocking), and make
strsvr    | // each connected socket nonblocking.
strsvr    | 41> for (var i = 0; i < nc; i++) {
strsvr    | 42|     var accepted = lstn.accept();
strsvr    | 43|     var clnt = accepted.conn();
strsvr    | 44|     clnt.setblocking(false);
strsvr    | 45|     cs.add(clnt);
strsvr    | 46| }
strsvr    | -- accept() waits: no client has connected yet
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
strsvr    | -- accept() goes on
strsvr    | // Until every client has left: take the next client from the front of the queue, put it at the
strsvr    | // back, and see whether it sent a letter.
strsvr    | 50> while (len(cs) > 0) {
strsvr    | 51|     var clnt = cs.remove(0);
strsvr    | 52|     cs.add(clnt);
strsvr    | 53|     try {
strsvr    | 54|         // One byte, if there is one; if not, a nonblocking socket raises BlockingIOError
strsvr    | 55|         // instead of waiting.
strsvr    | 56|         var k = clnt.recv(1);
strsvr    | 57|         // b'': this client has closed; drop it.
strsvr    | 58|         if (k.isEmpty()) {
strsvr    | 59|             clnt.close();
strsvr    | 60|             cs.remove(clnt);
strsvr    | 61|         }
strsvr    | 62|         // Add the letter (nothing, if the client left) and send the whole string back.
strsvr    | 63|         v = v.concat(k);
strsvr    | 64|         clnt.send(v);
strsvr    | 65|     } catch (OSError e) {
strsvr    | 66|         // Nothing to read yet (BlockingIOError), or the send to a client just closed above.
strsvr    | 67|         // The original's bare `except: pass` would swallow Ctrl-C too; OSError leaves it alone.
strsvr    | 68|     }
strsvr    | 69| }
strclnt-1 | enter a letter:a
strclnt-1 | -- recv() waits: nothing has arrived yet
strclnt-1 | -- recv() goes on
strclnt-1 | a
strclnt-1 | enter a letter:b
strclnt-1 | -- recv() waits: nothing has arrived yet
strclnt-1 | -- recv() goes on
strclnt-1 | ab
strclnt-1 | enter a letter:c
strclnt-1 | -- recv() waits: nothing has arrived yet
strclnt-1 | -- recv() goes on
strclnt-1 | abc
strclnt-2 | enter a letter:u
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcu
strclnt-2 | enter a letter:u
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcuu
strclnt-2 | enter a letter:v
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuv
strclnt-2 | enter a letter:v
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvv
strclnt-1 | enter a letter:d
strclnt-1 | -- recv() waits: nothing has arrived yet
strclnt-1 | -- recv() goes on
strclnt-1 | abcuuvvd
strclnt-2 | enter a letter:w
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvvdw
strclnt-2 | enter a letter:w
strclnt-2 | -- recv() waits: nothing has arrived yet
strclnt-2 | -- recv() goes on
strclnt-2 | abcuuvvdww
strclnt-1 | enter a letter:e
strclnt-1 | -- recv() waits: nothing has arrived yet
strclnt-1 | -- recv() goes on
strclnt-1 | abcuuvvdwwe
strclnt-1 | enter a letter:
strclnt-1 | // Close the socket: the server's recv() returns b'' for us.
strclnt-1 | 33> s.close();
strclnt-2 | enter a letter:
strclnt-2 | // Close the socket: the server's recv() returns b'' for us.
strclnt-2 | 33> s.close();
strsvr    | // Everyone is gone.
strsvr    | 72> lstn.close();
strsvr    | 73> print("the final value of v is", decode(v));
strsvr    | the final value of v is abcuuvvdwwe
[exit 0]
