# Bad input: programs that end at once. Ending is not an error: the step shows what each
# printed (stderr too, merged in order) and how it ended, and the exit is reported once.
# Afterwards the program takes no input, and its name is free again.

sockshell> program q python3 -c "import sys; print('bye'); sys.exit(3)"
bye
[exit 3]

# Its keyboard is gone with it.
sockshell> type q hello
ProcessLookupError: q has already ended: [exit 3]
sockshell> eof q
ProcessLookupError: q has already ended: [exit 3]
sockshell> signal q INT
ProcessLookupError: q has already ended: [exit 3]
sockshell> output q
sockshell> wait q
[exit 3]
sockshell> sockets --no-kernel
PROGRAM  PID[..]STATE     COMMAND
q        [..]exited 3  python3 -c "import sys; print('bye'); sys.exit(3)"

# An error message on stderr, and a crash with a traceback.
sockshell> program r python3 -c "raise SystemExit('no config file')"
no config file
[exit 1]
sockshell> program t python3 -c "1/0"
Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: division by zero
[exit 1]

# An ended program's name can be taken again.
sockshell> program q python3 -c "print('again')"
again
[exit 0]
