// /exit ends a script in jshell and in a replay alike; what follows never runs.
import static io.sockshell.py.Python.*;

print("before");
/exit
print("after");
