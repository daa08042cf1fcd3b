# Bad input: a script that does not exist.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never jshell-scripts/no-such-script.jsh
sockshell replay: jshell-scripts/no-such-script.jsh: no such script
[exit 2]
