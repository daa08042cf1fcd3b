# Bad input: a program that cannot start. The error is Python's (subprocess raises the same),
# on one line, and nothing is started or held: sockets has nothing to list afterwards.

# A typo in the command's name: not on PATH.
sockshell> program p pythn3 x.py
FileNotFoundError: [Errno 2] No such file or directory: 'pythn3' (not found on PATH)

# A path that names nothing, a file that is not executable, a folder.
sockshell> program p ./no-such-script.sh
FileNotFoundError: [Errno 2] No such file or directory: './no-such-script.sh'
sockshell> program p examples/tutorial-python/tms.py 0
PermissionError: [Errno 13] Permission denied: 'examples/tutorial-python/tms.py'
sockshell> program p examples/
PermissionError: [Errno 13] Permission denied: 'examples/'

# A name that is not a name.
sockshell> program 9p python3 -c "print(1)"
SyntaxError: invalid name '9p' (use letters, digits and _, starting with a letter or _)
sockshell> sockets --no-kernel
no sockets (create one with: socket s)
