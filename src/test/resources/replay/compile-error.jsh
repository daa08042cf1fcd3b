// A script with a typo on its third step: the replay stops there, naming the line.
import static io.sockshell.py.Python.*;

var s = socket(AF_INET, SOCK_STREAM);

// "sock" is not declared: javac says so, and the replay shows where.
sock.bind(addr("127.0.0.1", 0));

print("never reached");
