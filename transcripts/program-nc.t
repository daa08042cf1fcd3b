# nc (netcat) as a program: a server anyone can talk to, started on port 0 and found with
# ports, then the shell as its client. What the client sends, nc prints; what is typed at nc's
# keyboard goes to the client. (nc is the OpenBSD netcat; .ci/run installs it when missing.)
# Run it: sockshell check transcripts/program-nc.t

sockshell> program n nc -l 127.0.0.1 0
sockshell> ports n
('127.0.0.1', [[port:\d+]])
sockshell> socket c
sockshell> connect c 127.0.0.1 [[port]]

# The client speaks: nc prints it.
sockshell> send c "hello, nc\n"
10
sockshell> output n
hello, nc

# nc's keyboard speaks: the client receives it.
sockshell> type n hello, client
sockshell> recv c 1024
b'hello, client\n'

# Bytes that would move a terminal's cursor are shown escaped, as in a repr.
sockshell> send c b'\x1b[2J\x07bell\r\n'
11
sockshell> output n
\\x1b[2J\x07bell\r

# The client closes: nc sees the end of the stream and exits.
sockshell> close c
sockshell> wait n
[exit 0]
