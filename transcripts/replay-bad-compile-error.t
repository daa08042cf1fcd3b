# Bad input: a snippet that does not compile is shown at its file and line; the replay stops.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never src/test/resources/replay/compile-error.jsh
// A script with a typo on its third step: the replay stops there, naming the line.
2> import static io.sockshell.py.Python.*;
4> var s = socket(AF_INET, SOCK_STREAM);
s ==> <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
// "sock" is not declared: javac says so, and the replay shows where.
7> sock.bind(addr("127.0.0.1", 0));
compile-error.jsh:7: error: cannot find symbol
      symbol:   variable sock
    sock.bind(addr("127.0.0.1", 0));
    ^
-- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
[exit 1]
