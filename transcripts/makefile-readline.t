# Reading lines through a file: the tutorial's svr.py and wps.py, section 5.2.
# wps.py sends "w" or "ps"; svr.py runs the command and writes its output lines back through
# conn.makefile('w'); wps.py reads them with s.makefile('r').readlines(), which does the work
# of finding line ends across recv calls. The server's answer is a canned ps listing, carried
# in this file, because a real one differs from run to run.
%party server
%party client

%file ps-output.txt
    PID TTY          TIME CMD
   4242 pts/0    00:00:00 bash
   4343 pts/0    00:00:00 ps
%endfile

# svr.py: bind, listen, accept.
server> socket ls
server> bind ls "" 0
server> listen ls 1
server> getsockname ls
('0.0.0.0', [[port:\d+]])
client> socket s
client> connect s localhost [[port]]
server> accept ls conn
('127.0.0.1', [[client_port:\d+]])

# wps.py sends the command's name; svr.py reads exactly 2 bytes.
client> send s "ps"
2
server> recv conn 2
b'ps'

# svr.py writes the lines through a file. A file buffers: nothing is sent until flush or
# close, which is why the write is followed by a close.
server> makefile conn flo w
server> write flo @ps-output.txt
90
server> close flo
server> close conn

# wps.py reads every line to the end of the stream. readlines returns when the server closes.
client> makefile s flo r
client> readlines flo
['    PID TTY          TIME CMD\n', '   4242 pts/0    00:00:00 bash\n', '   4343 pts/0    00:00:00 ps\n']
client> close flo s

# svr.py loops: listen again, accept the next client. This time the client reads one line at
# a time, and the server sends a line in two pieces: readline waits for the whole line,
# however many recv calls that takes underneath.
server> listen ls 1
client> socket s2
client> connect s2 localhost [[port]]
server> accept ls conn
('127.0.0.1', [[second_client_port:\d+]])
client> makefile s2 lines r
client> readline lines &
[1] pending: readline lines
server> send conn "load aver"
9
# Half a line has arrived, so readline is still waiting...
client> jobs
[1] running  readline lines
server> send conn "age: 0.42\nsecond line\n"
22
# ...and now it has a whole line. The second line is already in the file's buffer.
client> wait
[1] done: readline lines
'load average: 0.42\n'
client> readline lines
'second line\n'
# At the end of the stream readline returns '' (a file's way of saying b'').
server> close conn ls
client> readline lines
''
client> close lines s2
