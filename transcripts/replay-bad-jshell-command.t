# Bad input: a jshell command the replay cannot run is refused at its line.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never src/test/resources/replay/command.jsh
// A script with a jshell command other than /exit: a replay cannot follow it.
2> import static io.sockshell.py.Python.*;
4> print("before");
before
command.jsh:5: /open other.jsh is a jshell command; a replay understands only /exit
[exit 1]
