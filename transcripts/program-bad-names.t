# Bad input: two programs with one name, and a name used as the wrong kind of thing. Each is a
# one-line error, and what the name holds is untouched.

sockshell> program p python3 -c "input()"
sockshell> program p python3 -c "print('second')"
NameError: name 'p' is already an open program; close it first or pick another name
sockshell> socket p
NameError: name 'p' is already an open program; close it first or pick another name
sockshell> send p "x"
TypeError: 'p' is a program, not a socket
sockshell> socket c
sockshell> type c hello
TypeError: 'c' is a socket, not a program
sockshell> output nobody
NameError: name 'nobody' is not defined
sockshell> signal p STOP
ValueError: signal must be one of INT, TERM, KILL, HUP, not 'STOP'
sockshell> program -t 0 q python3 -c "print(1)"
program: TIMEOUT must be a positive number of seconds, not '0'
sockshell> eof p
Traceback (most recent call last):
  File "<string>", line 1, in <module>
EOFError: EOF when reading a line
[exit 1]
sockshell> type p hello
ProcessLookupError: p has already ended: [exit 1]
sockshell> close p c
