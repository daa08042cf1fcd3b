# Bad input: arguments that are not scripts.
# One replay party runs `sockshell replay` in-process; --stable names ports PORT, EPH1, ...
%party replay replay
%timeout 60

replay> replay --stable --color=never nonsense.txt jshell-scripts/tms.jsh
sockshell replay: the first argument must be a script ending in .jsh, not nonsense.txt
[exit 2]
