# A script that ends with /exit: the replay stops there, as jshell would.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never src/test/resources/replay/exit.jsh
// /exit ends a script in jshell and in a replay alike; what follows never runs.
2> import static io.sockshell.py.Python.*;
4> print("before");
before
[exit 0]
