# A connection reset in the middle: after 10000 bytes from the server the link resets both
# connections, as a router or a crashed peer would. The client has taken four pieces of 2500
# bytes; its next recv raises ConnectionResetError instead of returning b''. A program must
# be ready for both ways a connection ends.
%party server
%party client

server> socket s
server> bind s 127.0.0.1 0
server> listen s 1
server> link flaky 127.0.0.1 s.port --slice 2500 --reset-after 10000 --down
('127.0.0.1', [[link_port:\d+]])
client> socket c
client> connect c 127.0.0.1 [[link_port]]
server> accept s conn
('127.0.0.1', [[relay_port:\d+]])

server> sendall conn "abc"*10000
client> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (2500 bytes)
client> recv c 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (2500 bytes)
client> recv c 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (2500 bytes)
client> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (2500 bytes)
client> recv c 1000000
ConnectionResetError: [Errno 104] Connection reset by peer

# The server's end was reset too.
server> recv conn 1024
ConnectionResetError: [Errno 104] Connection reset by peer

# The link says what happened to the connection.
server> close conn
server> sockets --no-kernel
NAME  TYPE  STATE      LOCAL[..]PEER  MODE      SENT      RECEIVED
s     tcp4  listening  127.0.0.1:[[port:\d+]]  -     blocking  0B/0      0B/0
conn  tcp4  closed     -[..]-     blocking  30000B/1  0B/0
LINK   ADDRESS[..]TARGET[..]STATE                         UP
       DOWN      OPTIONS
flaky  127.0.0.1:[[link_port]]  127.0.0.1:[[port]]  listening
                 --slice 2500 --reset-after 10000 --down
       127.0.0.1:[..]reset after 10000 bytes down  0B/0
       10000B/4
client> close c
server> close s flaky
