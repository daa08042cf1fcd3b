// selectecho.jsh: a select() echo server for many clients at once, on sockshell's engine: one
// thread, one select() loop over the listening socket and every client, echoing whatever each
// client sends. The scale benchmark (bench/run) and the load test (SelectEchoLoadTest) use it.
// Arguments: PORT CLIENTS (PORT 0: the system chooses, and the script says which). Ends once CLIENTS clients have come and gone, printing the totals.
import static io.sockshell.py.Python.*;
import io.sockshell.py.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

var lstn = socket(AF_INET, SOCK_STREAM);
var clients = Integer.parseInt(argv(2));
lstn.bind(addr("127.0.0.1", Integer.parseInt(argv(1))));
lstn.listen(4096);
// Nonblocking, so each time select says it is readable the server takes every waiting client.
lstn.setblocking(false);
// The port, for clients of a server started on port 0.
print("listening on port", lstn.getsockname().port());

var connected = new HashSet<PySocket>();
var accepted = 0;
var received = 0L;
var selects = 0;
while (accepted < clients || !connected.isEmpty()) {
    var watched = new ArrayList<PySocket>(connected);
    if (accepted < clients) {
        watched.add(lstn);
    }
    selects += 1;
    for (var sock : select(watched, List.of(), List.of()).readable()) {
        if (sock == lstn) {
            try {
                while (accepted < clients) {
                    connected.add(lstn.accept().conn());
                    accepted += 1;
                }
            } catch (BlockingIOError e) {
                // Every waiting client is in.
            }
            continue;
        }
        var data = sock.recv(4096);
        if (data.isEmpty()) {
            sock.close();
            connected.remove(sock);
            continue;
        }
        received += len(data);
        sock.sendall(data);
    }
}
lstn.close();
print("clients", accepted, "bytes", received, "selects", selects);
