# tms.py, the tutorial's echo server (section 2), as a real program, with the shell as its
# client tmc.py. The server's recv stays pending until Enter is pressed at its keyboard
# (`type srv`), then 30000 bytes and b''. Run from the project's folder (the paths below are
# relative to it): sockshell check transcripts/program-tms.t

# Start it on port 0: the system picks a free port, and `ports` reads which one from the kernel.
# `program` returns once tms.py is quiet (here: waiting in accept), with what it printed: nothing.
sockshell> program srv python3 examples/tutorial-python/tms.py 0
sockshell> ports srv
('0.0.0.0', [[port:\d+]])

# The shell is the client. tms.py's accept returns, and it prints where the client is.
sockshell> socket c
sockshell> connect c localhost [[port]]
sockshell> getsockname c
('127.0.0.1', [[client_port:\d+]])
sockshell> output srv
client is at ('127.0.0.1', [[client_port]])

# tmc.py sends its string; tms.py reads it with one recv and waits for a key press (input()).
sockshell> send c "abc"
3
sockshell> recv c 1000000 &
[1] pending: recv c 1000000
# sockets lists the program too: it is quiet, waiting for the key press.
sockshell> sockets --no-kernel
...
PROGRAM  PID[..]STATE  COMMAND
srv      [..]quiet  python3 examples/tutorial-python/tms.py 0

# The key press: tms.py sends 10000 copies, closes the connection and exits.
sockshell> type srv
[exit 0]
sockshell> wait
[1] done: recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... ([..] bytes)
# tmc.py loops on recv until b''; a file object's read does the looping here.
sockshell> makefile c rest rb
sockshell> read rest
b'[..]
# However the bytes were split, all 30000 arrived (RECEIVED), and tms.py has exited.
sockshell> sockets --no-kernel
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT  RECEIVED
c     tcp4  connected  127.0.0.1:[[client_port]]  127.0.0.1:[[port]]
      blocking  3B/1  30000B/[..]
FILE  SOCKET  MODE  STATE  BUFFERED
rest  c       rb    open   0B
PROGRAM  PID[..]STATE     COMMAND
srv      [..]exited 0  python3 examples/tutorial-python/tms.py 0
sockshell> recv c 1000000
b''
sockshell> close rest c srv
