# UDP: sendto and recvfrom. No connection, no stream: each sendto is one datagram, which
# arrives whole (or not at all), and each recvfrom returns one datagram and who sent it.
%party server
%party client

server> socket u SOCK_DGRAM
server> bind u "" 0
server> getsockname u
('0.0.0.0', [[port:\d+]])

# No connect: the client names the address with every datagram. Its own port is chosen by
# the OS at the first sendto, and recvfrom tells the server what it is.
client> socket c SOCK_DGRAM
client> sendto c "ping" localhost [[port]]
4
server> recvfrom u 1024
(b'ping', ('127.0.0.1', [[client_port:\d+]]))
server> sendto u "pong" 127.0.0.1 [[client_port]]
4
client> recvfrom c 1024
(b'pong', ('127.0.0.1', [[port]]))

# Message boundaries are kept: two datagrams are two recvfroms, never one run of bytes.
client> sendto c "one" localhost [[port]]
3
client> sendto c "two" localhost [[port]]
3
server> recvfrom u 1024
(b'one', ('127.0.0.1', [[client_port]]))
server> recvfrom u 1024
(b'two', ('127.0.0.1', [[client_port]]))

# A datagram longer than the buffer is cut short, and the rest is lost: the next recvfrom
# finds nothing (nonblocking, so it says so instead of waiting).
client> sendto c "abcdefgh" localhost [[port]]
8
server> recvfrom u 3
(b'abc', ('127.0.0.1', [[client_port]]))
server> setblocking u 0
server> recvfrom u 1024
BlockingIOError: [Errno 11] Resource temporarily unavailable
client> close c
server> close u
