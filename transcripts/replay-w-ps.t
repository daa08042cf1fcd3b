# svr.jsh and wps.jsh, the remote w server and its client (tutorial 5.2); w's own output varies.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never jshell-scripts/svr.jsh 0 jshell-scripts/wps.jsh 127.0.0.1 PORT w
svr | // svr.jsh: the tutorial's remote w/ps server (svr.py, section 5.2), one statement per step.
svr | // A client sends "w" or "ps"; the server runs it and writes the output back as lines, through
svr | // a file made from the socket with makefile().
svr | //
svr | // Safety, changed from the original: svr.py hands the client's bytes to os.popen, i.e. to a
svr | // shell, so anyone who can connect runs any command. Here the bytes only choose between w and
svr | // ps, run with no arguments for at most 5 s; at most 2 bytes are read from a client; a client
svr | // that sends nothing for IDLE seconds (default 10) is dropped, so it cannot hold the server,
svr | // which serves one client at a time; and the server listens on loopback unless given a host.
svr | //
svr | // Arguments: PORT [HOST [IDLE]]
svr | //   sockshell replay jshell-scripts/svr.jsh 0 jshell-scripts/wps.jsh 127.0.0.1 PORT w
svr | //   SOCKSHELL_ARGS=2000 jshell --class-path target/sockshell.jar jshell-scripts/svr.jsh
svr | // Python's names without a prefix, as after `import socket`.
svr | 16> import static io.sockshell.py.Python.*;
svr | // The exception a timed-out recv raises (Python's TimeoutError), and the type recv returns.
svr | 18> import io.sockshell.py.TimeoutError;
svr | 19> import io.sockshell.engine.PyBytes;
svr | // The listening socket: TCP over IPv4.
svr | 22> var ls = socket(AF_INET, SOCK_STREAM);
svr | ls ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
svr | // The port from the command line, and the host if one is given (loopback otherwise).
svr | 25> var port = Integer.parseInt(argv(1));
svr | port ==> 0
svr | 26> var host = len(argv()) > 2 ? argv(2) : "127.0.0.1";
svr | host ==> "127.0.0.1"
svr | 27> var idle = len(argv()) > 3 ? Double.parseDouble(argv(3)) : 10.0;
svr | idle ==> 10.0
svr | // Claim the address.
svr | 30> ls.bind(addr(host, port));
svr | // Serve one client after another, for ever.
svr | 33> while (true) {
svr | 34|     // Listen (again): on a socket that already listens this changes nothing.
svr | 35|     ls.listen(1);
svr | 36|     // Wait for the next client.
svr | 37|     var accepted = ls.accept();
svr | 38|     var conn = accepted.conn();
svr | 39|     var addr = accepted.addr();
svr | 40|     print("client is at", addr);
svr | 41|     // The request: at most 2 bytes, enough for "w" or "ps", within IDLE seconds.
svr | 42|     conn.settimeout(idle);
svr | 43|     PyBytes rc;
svr | 44|     try {
svr | 45|         rc = conn.recv(2);
svr | 46|     } catch (TimeoutError e) {
svr | 47|         print("client sent nothing for", idle, "seconds: dropped");
svr | 48|         conn.close();
svr | 49|         continue;
svr | 50|     }
svr | 51|     // Run it, if it is w or ps, and collect its output lines.
svr | 52|     var rl = popenOnly(rc, "w", "ps");
svr | 53|     // A file over the connection, for writing lines rather than counting bytes.
svr | 54|     var flo = conn.makefile("w");
svr | 55|     // Every line but the last, as the original writes rl[:-1].
svr | 56|     flo.writelines(rl.subList(0, Math.max(0, len(rl) - 1)));
svr | 57|     // Close the file first, which sends what it holds, then the connection.
svr | 58|     flo.close();
svr | 59|     conn.close();
svr | 60| }
svr | -- accept() waits: no client has connected yet
wps | // wps.jsh: the tutorial's client for svr (wps.py, section 5.2), one statement per step.
wps | // It asks the server to run w or ps and prints the lines it gets back, read through a file
wps | // made from the socket, so it never pieces lines together from chunks itself.
wps | //
wps | // Arguments: HOST PORT {w,ps}
wps | //   sockshell replay jshell-scripts/svr.jsh 0 jshell-scripts/wps.jsh 127.0.0.1 PORT w
wps | //   SOCKSHELL_ARGS="127.0.0.1 2000 ps" jshell --class-path target/sockshell.jar jshell-scripts/wps.jsh
wps | // Python's names without a prefix, as after `import socket`.
wps | 10> import static io.sockshell.py.Python.*;
wps | // A TCP socket over IPv4.
wps | 13> var s = socket(AF_INET, SOCK_STREAM);
wps | s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
wps | // The server's address and port, from the command line; then connect.
wps | 16> var host = argv(1);
wps | host ==> "127.0.0.1"
wps | 17> var port = Integer.parseInt(argv(2));
wps | port ==> PORT
wps | 18> s.connect(addr(host, port));
wps | // Ask for w or ps.
wps | 21> s.send(b(argv(3)));
wps | $1 ==> 1
wps | // A file over the socket. readlines() gathers whole lines however TCP cut the bytes, and
wps | // returns once the server has closed. (The original asks for an unbuffered file,
wps | // makefile('r', 0), which Python 3 allows only for bytes; buffering changes nothing here.)
wps | 26> var flo = s.makefile("r");
wps | flo ==> <_io.TextIOWrapper mode='r' encoding='utf-8'>
wps | // Standard output is a file too: write the lines to it, as they are.
wps | 29> stdout().writelines(flo.readlines());
wps | -- recv() waits: nothing has arrived yet
svr | -- accept() goes on
svr | client is at ('127.0.0.1', EPH1)
svr | -- accept() waits: no client has connected yet
wps | -- recv() goes on
wps \| .* up .*load average.* (re)
...
wps | -- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', EPH1), raddr=('127.0.0.1', PORT)>
svr | -- stopped at svr.jsh:33, where accept() waits: no client has connected yet: every other program has ended, so no client will come
svr | -- left open, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', PORT)>
[exit 0]
