# tmc.py, the tutorial's echo client (section 2.2), as a real program, with the shell as its
# server tms.py. The client's recv loop takes the 30000 bytes in as many pieces as they come
# in, until b''. Run from the project's folder: sockshell check transcripts/program-tmc.t

sockshell> socket s
sockshell> bind s "" 0
sockshell> listen s 1

# s.port is the port s is bound to. tmc.py connects, sends "abc" and waits in recv: quiet.
sockshell> program cli python3 examples/tutorial-python/tmc.py localhost s.port abc
sockshell> accept s conn
('127.0.0.1', [[client_port:\d+]])
sockshell> recv conn 1000000
b'abc'

# Nothing has come back yet, so tmc.py has printed nothing: it is still in its first recv.
sockshell> output cli
sockshell> send conn "abc"*10000
30000
sockshell> close conn

# Its loop: each recv's data (the first four) and its size, then b'' (an empty line) ends it.
# How the 30000 bytes were split depends on how they arrived, so the lines are patterns.
sockshell> wait cli
[abc]+ (re)
received \d+ bytes (re)
...
[exit 0]
sockshell> close s
