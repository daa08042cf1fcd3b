// A script whose method raises: the replay names the line of the raise and the line of the call.
import static io.sockshell.py.Python.*;

// Receives on a socket that is not connected, which Python refuses with ENOTCONN.
int readOne() {
    var s = socket(AF_INET, SOCK_STREAM);
    return len(s.recv(1));
}

print("about to fail");

readOne();

print("never reached");
