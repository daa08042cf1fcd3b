# Bad input: a script whose last snippet is unfinished.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never src/test/resources/replay/unfinished.jsh
// A script cut off inside a loop: the closing brace is missing.
2> import static io.sockshell.py.Python.*;
4> for (var i = 0; i < 3; i++) {
5|     print(i);
unfinished.jsh:4: the script ends inside this snippet (a missing ; or } ?)
[exit 1]
