# Bad input: a snippet that throws is shown at its file and line; the replay stops cleanly.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never src/test/resources/replay/throws.jsh
// A script whose method raises: the replay names the line of the raise and the line of the call.
2> import static io.sockshell.py.Python.*;
// Receives on a socket that is not connected, which Python refuses with ENOTCONN.
5> int readOne() {
6|     var s = socket(AF_INET, SOCK_STREAM);
7|     return len(s.recv(1));
8| }
created method readOne()
10> print("about to fail");
about to fail
12> readOne();
throws.jsh:7: OSError: [Errno 107] Transport endpoint is not connected
    called from throws.jsh:12
-- left open at the end, closed as the system does when a program exits: <socket.socket family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('0.0.0.0', 0)>
[exit 1]
