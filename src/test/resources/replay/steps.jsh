// Three steps, for stepping through.
import static io.sockshell.py.Python.*;
var word = "one";
print(word);
print("two");
print("three");
