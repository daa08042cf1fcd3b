// Values longer than a replay shows: cut, with their length.
import static io.sockshell.py.Python.*;
var data = b("x").repeat(1000);
var word = "y".repeat(300);
class Named {}
var named = java.util.Collections.nCopies(40, new Named());
