# Half-close with shutdown: close one direction, keep the other.
# A client that has sent its whole request calls shutdown(SHUT_WR): the server's recv then
# returns b'', so the server knows the request is complete, yet the client can still read
# the answer. close would give up both directions at once.
%party server
%party client

server> socket s
server> bind s "" 0
server> listen s 1
server> getsockname s
('0.0.0.0', [[port:\d+]])
client> socket c
client> connect c localhost [[port]]
server> accept s conn
('127.0.0.1', [[client_port:\d+]])

# The request, then the end of it.
client> send c "how many letters in this?"
25
client> shutdown c wr
server> recv conn 1024
b'how many letters in this?'
server> recv conn 1024
b''

# The client's socket is half-closed: it cannot send any more (the failed send is not
# counted in the SENT column below)...
client> send c "more"
BrokenPipeError: [Errno 32] Broken pipe
# ...but it still receives. The server answers on the same connection.
server> send conn "21"
2
client> recv c 1024
b'21'
%python skip sockets is the shell's own table of sockets: Python has no such call
client> sockets
NAME  TYPE  STATE        LOCAL[..]PEER
      MODE      SENT   RECEIVED  KSTATE     RECV-Q  SEND-Q
c     tcp4  half-closed  127.0.0.1:[[client_port]]  127.0.0.1:[[port]]
      blocking  25B/1  2B/1      FIN_WAIT2  0       0

# The server closes its side: now the client's recv returns b'' too.
server> close conn
client> recv c 1024
b''
client> close c
server> close s
