// A benchmark script of many light snippets, so that the time per snippet is the tool's own:
// an echo exchange between two sockets of this one program, one call per snippet.
import static io.sockshell.py.Python.*;
import io.sockshell.py.*;

var server = socket(AF_INET, SOCK_STREAM);
server.bind(addr("127.0.0.1", 0));
server.listen(1);
var where = server.getsockname();
var client = socket(AF_INET, SOCK_STREAM);
client.connect(where);
var accepted = server.accept();
var conn = accepted.conn();
var peer = accepted.addr();
print("client is at", peer);
client.send(b("abc"));
var data = conn.recv(1000);
data = data.repeat(3);
conn.sendall(data);
var echoed = client.recv(1000);
print("echoed", echoed);
var total = len(echoed);
total = total * 2;
print("total", total);
conn.setblocking(false);
var nothing = "";
try {
    conn.recv(10);
} catch (BlockingIOError e) {
    nothing = e.getMessage();
}
print(nothing);
conn.setblocking(true);
client.shutdown(SHUT_WR);
var end = conn.recv(10);
print("end", end);
var file = conn.makefile("w");
file.write("one line\n");
file.close();
conn.close();
var lines = client.makefile("r").readlines();
print(lines);
client.close();
server.close();
print("done");
