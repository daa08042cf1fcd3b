// A script with a jshell command other than /exit: a replay cannot follow it.
import static io.sockshell.py.Python.*;

print("before");
/open other.jsh
print("after");
