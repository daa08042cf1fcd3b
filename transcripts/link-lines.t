# A line protocol over a bad network (tutorial sections 5.1 and 5.2). TCP knows nothing of
# lines: a reader that takes one recv for one message gets part of a line, or parts of two.
# Here a link cuts both directions into pieces of 1 to 5 bytes (seed 3), each written once the
# reader has taken the previous one, so every run splits the lines the same way. A file made
# with makefile finds the line ends across as many recv calls as it takes.
%party server
%party client

server> socket s
server> bind s 127.0.0.1 0
server> listen s 1
server> link lines 127.0.0.1 s.port --slice 1..5 --seed 3
('127.0.0.1', [[link_port:\d+]])
client> socket c
client> connect c 127.0.0.1 [[link_port]]
server> accept s conn
('127.0.0.1', [[relay_port:\d+]])

# The client sends one line in one send. A server that reads it with one recv gets a piece.
# trace on (here the server's) shows its calls and, after each command, each piece of the
# link's that a reader took during it: one recv, one piece. (The calls, '...' here, depend on
# the backend: on posix a recv may first poll until the piece is there.)
server> trace on
client> send c "HELLO server\n"
13
server> recv conn 1024
...
b'HELLO'
| link lines: up piece 1 (5 bytes) delivered
server> recv conn 1024
...
b' ser'
| link lines: up piece 2 (4 bytes) delivered
server> recv conn 1024
...
b'ver\n'
| link lines: up piece 3 (4 bytes) delivered
server> trace off

# The same server reading through a file: readline returns whole lines, however they came.
client> send c "line one\nline two\n"
18
server> makefile conn fin rb
server> readline fin
b'line one\n'
server> readline fin
b'line two\n'

# The answer comes back in pieces too; the client's readline puts it together.
server> send conn "OK 2 lines\n"
11
client> makefile c fc rb
client> readline fc
b'OK 2 lines\n'
client> close fc c

# The link's counts: bytes/pieces each way. 31 bytes went up in pieces, 11 came down.
server> sockets --no-kernel
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT   RECEIVED
s     tcp4  listening  127.0.0.1:[[port:\d+]]  -
      blocking  0B/0   0B/0
conn  tcp4  connected  127.0.0.1:[[port]]  127.0.0.1:[[relay_port]]
      blocking  11B/1  31B/9
FILE  SOCKET  MODE  STATE  BUFFERED
fin   conn    rb    open   0B
LINK   ADDRESS[..]TARGET[..]STATE      UP     DOWN
       OPTIONS
lines  127.0.0.1:[[link_port]]  127.0.0.1:[[port]]  listening
       --slice 1..5 --seed 3
       127.0.0.1:[..]relaying   31B/9  11B/4
\
server> close fin conn s lines
