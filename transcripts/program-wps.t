# wps.py, the tutorial's client for remote w and ps (section 5.2), as a real program, with the
# shell as its server svr.py. wps.py sends the command's name and reads the answer's lines with
# makefile('r').readlines(), which returns when the server closes. The shell's answers are
# canned (carried below), because real w and ps output differs from run to run.
# Run from the project's folder: sockshell check transcripts/program-wps.t

%file w-output.txt
 12:00:01 up 3 days,  2:17,  1 user,  load average: 0.08, 0.03, 0.01
USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT
learner  pts/0    -                11:58    0.00s  0.02s  0.00s w
%endfile
%file ps-output.txt
    PID TTY          TIME CMD
   4242 pts/0    00:00:00 bash
   4343 pts/0    00:00:00 ps
%endfile

# svr.py's socket, listening.
sockshell> socket ls
sockshell> bind ls "" 0
sockshell> listen ls 1

# wps.py connects, sends "w" and waits in readlines: quiet, having printed nothing.
sockshell> program w1 python3 examples/tutorial-python/wps.py localhost ls.port w
sockshell> accept ls conn
('127.0.0.1', [[first_port:\d+]])
sockshell> recv conn 2
b'w'

# The answer goes through a file; closing it sends what it holds, closing conn ends the stream.
sockshell> makefile conn flo w
sockshell> write flo @w-output.txt
[[w_bytes:\d+]]
sockshell> close flo
sockshell> output w1
sockshell> close conn

# Only now does readlines return: wps.py writes the lines to its screen and exits.
sockshell> output w1
 12:00:01 up 3 days,  2:17,  1 user,  load average: 0.08, 0.03, 0.01
USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT
learner  pts/0    -                11:58    0.00s  0.02s  0.00s w
[exit 0]

# svr.py serves one client after another: listen again, and the next asks for ps.
sockshell> listen ls 1
sockshell> program p1 python3 examples/tutorial-python/wps.py localhost ls.port ps
sockshell> accept ls conn
('127.0.0.1', [[second_port:\d+]])
sockshell> recv conn 2
b'ps'
sockshell> makefile conn flo w
sockshell> write flo @ps-output.txt
90
sockshell> close flo conn
sockshell> wait p1
    PID TTY          TIME CMD
   4242 pts/0    00:00:00 bash
   4343 pts/0    00:00:00 ps
[exit 0]
sockshell> sockets --no-kernel
...
PROGRAM  PID[..]STATE
         COMMAND
w1       [..]exited 0
         python3 examples/tutorial-python/wps.py localhost [..] w
p1       [..]exited 0
         python3 examples/tutorial-python/wps.py localhost [..] ps
sockshell> close ls
