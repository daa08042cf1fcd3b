# select and poll: wait until some socket is ready, instead of spinning (tutorial section 7).
# strsvr.py tries recv on each client over and over and burns a CPU doing it. select (and
# its cousin poll) put the program to sleep until one of the sockets has something: data to
# read, room to write, or a connection to accept.
%party server
%party client1
%party client2

server> socket lstn
server> bind lstn "" 0
server> listen lstn 5
server> getsockname lstn
('0.0.0.0', [[port:\d+]])

# A listening socket is readable when a connection is waiting, that is, when accept would
# not block. -t 0 just looks without waiting: nothing yet.
server> select -r lstn -t 0
([], [], [])
client1> socket c
client1> connect c localhost [[port]]
server> select -r lstn -t 5
([lstn], [], [])
server> accept lstn conn1
('127.0.0.1', [[port1:\d+]])
client2> socket c
client2> connect c localhost [[port]]
server> select -r lstn -t 5
([lstn], [], [])
server> accept lstn conn2
('127.0.0.1', [[port2:\d+]])

# Nobody has sent anything: -t 0 finds no socket readable, and a short timeout expires.
server> select -r conn1,conn2 -t 0
([], [], [])
server> select -r conn1,conn2 -t 0.05
([], [], [])
# Client 2 speaks first, so select returns just conn2: the server knows whom to read.
client2> send c "from two"
8
server> select -r conn1,conn2 -t 5
([conn2], [], [])
server> recv conn2 1024
b'from two'

# A connected socket with room in its send buffer is writable.
server> select -r conn1,conn2 -w conn1 -t 5
([], [conn1], [])

# poll does the same job with a list of registered sockets and events; its timeout is in
# milliseconds, as in Python.
server> poll -r conn1,conn2 -t 0
[]
client1> send c "from one"
8
server> poll -r conn1,conn2 -t 5000
[(conn1, POLLIN)]
server> recv conn1 1024
b'from one'

# A peer that closed makes its socket readable too: recv would return b'' at once.
client1> close c
server> poll -r conn1,conn2 -t 5000
[(conn1, POLLIN)]
server> recv conn1 1024
b''
server> close conn1
client2> close c
server> select -r conn2 -t 5
([conn2], [], [])
server> recv conn2 1024
b''
server> close conn2 lstn
