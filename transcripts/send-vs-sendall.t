# send versus sendall (tutorial section 4).
# send hands the operating system as much of the data as fits in its buffers right now and
# returns how many bytes that was, which can be fewer than you gave it. sendall loops until
# every byte is gone.
%party server
%party client

server> socket s
server> bind s "" 0
server> listen s 1
server> getsockname s
('0.0.0.0', [[port:\d+]])
# Small buffers on both sides make the limit easy to reach.
client> socket c
client> setsockopt c SO_RCVBUF 4096
client> connect c localhost [[port]]
server> accept s conn
('127.0.0.1', [[client_port:\d+]])
server> setsockopt conn SO_SNDBUF 4096

# A short message fits: send takes all of it.
server> send conn "hello"
5
client> recv c 1024
b'hello'

# The client reads nothing, so the buffers fill. A blocking send would sit and wait for
# room; a nonblocking one returns at once with the count it managed, far short of a million.
# That count depends on the buffers, so it is captured rather than written down.
server> setblocking conn 0
server> send conn "x"*1000000
[[sent:\d+]]
# The client reads exactly those bytes back (a file's read loops over recv until it has them).
client> makefile c f rb
client> read f [[sent]]
b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... ([[sent]] bytes)

# sendall is the loop a sender needs: it calls send until every byte is gone, waiting for the
# reader to make room. So it is pending until the client has read them all. Through buffers
# this small that takes many round trips, which a busy machine can stretch past the default
# bound of 5 s per step, hence a larger one.
%timeout 30
server> setblocking conn 1
server> sendall conn "y"*100000 &
[1] pending: sendall conn "y"*100000
client> read f 100000
b'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'... (100000 bytes)
server> wait
[1] done: sendall conn "y"*100000
server> close conn s
client> close f c
