# A connection's whole life as the kernel keeps it (tutorial sections 3 and 5.3): the accept
# queue filling before any accept, ESTABLISHED with bytes waiting in RECV-Q, a half close
# (FIN_WAIT2 on one side, CLOSE_WAIT on the other), TIME_WAIT on the side that closed first,
# and why a restarted server's bind fails with [Errno 98] until SO_REUSEADDR is set.
# netstat and sockets read the kernel's table (/proc/net/tcp) once it has settled: see
# help sockets. Ports vary from run to run, so the address columns are matched by patterns.
%party server
%party client

# SO_REUSEADDR on the listener lets the next server bind this port while a connection of
# this one is in TIME_WAIT (the end of this file): the kernel allows it only when both have it.
server> socket s
server> setsockopt s SOL_SOCKET SO_REUSEADDR 1
server> bind s 127.0.0.1 0
server> listen s 1
server> getsockname s
('127.0.0.1', [[port:\d+]])

# The kernel completes handshakes before any accept: with listen(1) two connections fit in
# the accept queue (Linux lets backlog + 1 wait).
client> socket c1
client> connect c1 127.0.0.1 [[port]]
client> socket c2
client> connect c2 127.0.0.1 [[port]]
# The listener's RECV-Q is the accept queue (2 waiting) and its SEND-Q the backlog (1). Each
# connection not accepted yet stands with the client's end below it.
%python skip netstat is the shell's view of the kernel's TCP table: Python has no such call
server> netstat
KSTATE       RECV-Q  SEND-Q  LOCAL            PEER
             SOCKET
LISTEN       2       1       127.0.0.1:[[port]]  0.0.0.0:*
             s
ESTABLISHED  0       0       127.0.0.1:[[port]]  127.0.0.1:\d+ (re)
             (not accepted yet, s)
ESTABLISHED  0       0       127.0.0.1:\d+  127.0.0.1:[[port]] (re)
             (client of s)
ESTABLISHED  0       0       127.0.0.1:[[port]]  127.0.0.1:\d+ (re)
             (not accepted yet, s)
ESTABLISHED  0       0       127.0.0.1:\d+  127.0.0.1:[[port]] (re)
             (client of s)

# The queue is full: the third client's SYN is dropped, so its connect waits (the kernel
# sends the SYN again after a second).
client> socket c3
client> connect c3 127.0.0.1 [[port]] &
[1] pending: connect c3 127.0.0.1 [[port]]

# accept takes a connection the kernel already made; the room it frees lets the third in.
server> accept s conn1
('127.0.0.1', [[c1_port:\d+]])
client> wait
[1] done: connect c3 127.0.0.1 [[port]]
server> accept s conn2
('127.0.0.1', [[c2_port:\d+]])
server> accept s conn3
('127.0.0.1', [[c3_port:\d+]])
client> close c2 c3
server> close conn2 conn3

# Bytes sent wait in the receiver's RECV-Q until it reads them.
client> send c1 "hello"
5
%python skip sockets is the shell's own table of sockets: Python has no such call
server> sockets
NAME   TYPE  STATE      LOCAL[..]PEER
       MODE      SENT  RECEIVED  KSTATE       RECV-Q  SEND-Q
s      tcp4  listening  127.0.0.1:[[port]]  -
       blocking  0B/0  0B/0      LISTEN       0       1
conn1  tcp4  connected  127.0.0.1:[[port]]  127.0.0.1:[[c1_port]]
       blocking  0B/0  0B/0      ESTABLISHED  5       0
conn2  tcp4  closed     -                -
       blocking  0B/0  0B/0      -            -       -
conn3  tcp4  closed     -                -
       blocking  0B/0  0B/0      -            -       -
server> recv conn1 1024
b'hello'

# The server shuts down its sending side: its FIN is acknowledged, so conn1 waits in
# FIN_WAIT2 for the client's FIN, and the client's end is in CLOSE_WAIT, the FIN counted as one
# byte in its RECV-Q until recv reads the end of the stream.
server> shutdown conn1 SHUT_WR
%python skip netstat is the shell's view of the kernel's TCP table: Python has no such call
server> netstat
KSTATE      RECV-Q  SEND-Q  LOCAL            PEER             SOCKET
LISTEN      0       1       127.0.0.1:[[port]]  0.0.0.0:*        s
FIN_WAIT2   0       0       127.0.0.1:[[port]]  127.0.0.1:[[c1_port]]  conn1
CLOSE_WAIT  1       0       127.0.0.1:[[c1_port]]  127.0.0.1:[[port]]  (peer of conn1)
client> recv c1 1024
b''

# The client closes: its FIN ends the connection (its LAST_ACK lasts only until the ACK comes
# back, microseconds on loopback), and the side that closed first, conn1, waits in TIME_WAIT,
# for a minute, so that a late segment of this connection cannot be taken for a new one's.
client> close c1
server> close conn1 s
%python skip netstat is the shell's view of the kernel's TCP table: Python has no such call
server> netstat
KSTATE     RECV-Q  SEND-Q  LOCAL            PEER             SOCKET
TIME_WAIT  0       0       127.0.0.1:[[port]]  127.0.0.1:[[c1_port]]  (closed conn1)

# A restarted server binds the same port: TIME_WAIT holds it, as section 5.3 warns.
server> socket s2
server> bind s2 127.0.0.1 [[port]]
OSError: [Errno 98] Address already in use
# SO_REUSEADDR lets a socket bind a port that only TIME_WAIT connections hold (if they had it
# too: a server that never set it keeps its port from everyone for the minute).
server> setsockopt s2 SOL_SOCKET SO_REUSEADDR 1
server> bind s2 127.0.0.1 [[port]]
server> listen s2 5
server> close s2
