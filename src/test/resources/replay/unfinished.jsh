// A script cut off inside a loop: the closing brace is missing.
import static io.sockshell.py.Python.*;

for (var i = 0; i < 3; i++) {
    print(i);
