# Bad input: ports of a program that listens on nothing prints nothing, and NAME.port of it
# is an error.

sockshell> program p python3 -c "input()"
sockshell> ports p
sockshell> socket c
sockshell> connect c localhost p.port
OSError: p listens on no port
sockshell> close p c
