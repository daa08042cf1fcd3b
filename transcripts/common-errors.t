# The errors everyone meets, worded as CPython words them (Linux errno numbers).
%party server
%party client

# Address already in use: a port has one owner. NAME.port stands for the port s is bound to.
server> socket s
server> bind s "" 0
server> socket other
server> bind other "" s.port
OSError: [Errno 98] Address already in use
server> close other

# Connection refused: s is bound but not listening yet, so the client's connect is turned
# away. bind and listen are separate steps, and this is the difference.
server> getsockname s
('0.0.0.0', [[port:\d+]])
client> socket c
client> connect c localhost [[port]]
ConnectionRefusedError: [Errno 111] Connection refused
client> close c

# Once s listens, the same connect works.
server> listen s 1
client> socket c
client> connect c localhost [[port]]
server> accept s conn
('127.0.0.1', [[client_port:\d+]])

# Timeout: with settimeout, a call that waits longer than that raises instead of blocking
# for ever. The socket stays usable.
client> settimeout c 0.2
client> recv c 1024
TimeoutError: timed out
server> send conn "still here"
10
client> recv c 1024
b'still here'

# Connection reset: closing a socket that still has unread data makes the OS abort the
# connection (a TCP RST) instead of ending it politely, and the peer's recv raises.
client> send c "nobody reads this"
17
server> select -r conn -t 5
([conn], [], [])
server> close conn
client> settimeout c None
client> recv c 1024
ConnectionResetError: [Errno 104] Connection reset by peer

# Use after close: every call on a closed socket fails with a bad file descriptor.
client> close c
client> send c "hello"
OSError: [Errno 9] Bad file descriptor
client> recv c 1024
OSError: [Errno 9] Bad file descriptor
server> close s
server> getsockname s
OSError: [Errno 9] Bad file descriptor
