# Nonblocking sockets (tutorial section 6): setblocking(0) makes accept, recv and connect
# return at once. When they cannot do their work yet they raise BlockingIOError instead of
# waiting, and the program tries again later.
%party server
%party client

server> socket s
server> bind s "" 0
server> listen s 5
server> getsockname s
('0.0.0.0', [[port:\d+]])
server> setblocking s 0

# No client has called: a nonblocking accept raises instead of waiting.
server> accept s conn
BlockingIOError: [Errno 11] Resource temporarily unavailable

# A nonblocking connect starts the handshake and raises at once: it is in progress.
client> socket c
client> setblocking c 0
client> connect c localhost [[port]]
BlockingIOError: [Errno 115] Operation now in progress
# The socket becomes writable when the handshake is done.
client> select -w c -t 5
([], [c], [])
client> getpeername c
('127.0.0.1', [[port]])

# A program spinning over accept would eventually get the connection. The transcript waits
# for it with select instead (readable, for a listening socket, means accept will not block),
# so it never depends on how fast the handshake finishes.
server> select -r s -t 5
([s], [], [])
server> accept s conn
('127.0.0.1', [[client_port:\d+]])
server> setblocking conn 0

# Nothing sent yet: a nonblocking recv raises.
server> recv conn 1024
BlockingIOError: [Errno 11] Resource temporarily unavailable
client> send c "hi"
2
server> select -r conn -t 5
([conn], [], [])
server> recv conn 1024
b'hi'
# Everything read: it raises again. Not b'', which would mean the client had closed.
server> recv conn 1024
BlockingIOError: [Errno 11] Resource temporarily unavailable
client> close c
server> select -r conn -t 5
([conn], [], [])
server> recv conn 1024
b''
server> close conn s
