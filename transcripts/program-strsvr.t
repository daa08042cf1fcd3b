# strsvr.py, the tutorial's nonblocking server (section 6), as a real program, with two shell
# sockets as its clients strclnt.py. Each letter a client sends is added to v, and v goes back
# to that client. The server polls its clients round-robin with nonblocking recv calls, so it
# busy-loops at 100% of a processor: it is never quiet, and sockets says it is running.
# Run from the project's folder: sockshell check transcripts/program-strsvr.t

# Waiting in accept, it is quiet.
sockshell> program srv python3 examples/tutorial-python/strsvr.py 0
sockshell> ports srv
('0.0.0.0', [[port:\d+]])
sockshell> socket c1
sockshell> connect c1 localhost [[port]]
sockshell> socket c2
sockshell> connect c2 localhost [[port]]

# Both clients are in: from now on it spins, trying each client in turn.
sockshell> send c1 "a"
1
sockshell> recv c1 1024
b'a'
sockshell> send c2 "b"
1
sockshell> recv c2 1024
b'ab'
sockshell> send c1 "c"
1
sockshell> recv c1 1024
b'abc'
sockshell> sockets --no-kernel
...
PROGRAM  PID[..]STATE    COMMAND
srv      [..]running  python3 examples/tutorial-python/strsvr.py 0

# A client drops out by closing (strclnt.py on an empty line); with both gone the server
# prints v and ends.
sockshell> close c1
sockshell> close c2
sockshell> wait srv
the final value of v is abc
[exit 0]
