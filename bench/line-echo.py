# The program both sides of the bench's program case talk to: each line it reads comes back.
# Its output is unbuffered (PYTHONUNBUFFERED=1, which sockshell sets and the driver sets too),
# so each reply is written as soon as its line is read.
import sys

for line in sys.stdin:
    sys.stdout.write(line)
