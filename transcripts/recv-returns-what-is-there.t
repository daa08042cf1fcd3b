# recv returns what is there, not what was asked (tutorial sections 2.2 and 5.1).
# TCP carries one stream of bytes. recv(BUFSIZE) hands back whatever part of it has arrived,
# from 1 byte up to BUFSIZE, and knows nothing of lines or of how the sender split its sends.
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

# Asked for up to 1024 bytes, recv returns the 6 that are there; it does not wait for more.
server> send conn "hello\n"
6
client> recv c 1024
b'hello\n'

# Asked for fewer bytes than have arrived, recv returns just those; the rest stays in the
# socket for the next call.
server> send conn "abcdefgh"
8
client> recv c 3
b'abc'
client> recv c 3
b'def'
client> recv c 1024
b'gh'

# A line can arrive in pieces: here the sender's first send ends in the middle of a line,
# and recv returns a line and a half. Finding the line ends is the reader's job (or the job
# of a file made with makefile: see makefile-readline.t).
server> send conn "first line\nsecond li"
20
client> recv c 1024
b'first line\nsecond li'
server> send conn "ne\n"
3
client> recv c 1024
b'ne\n'

# A bigger transfer: 100000 bytes sent at once. One recv returns some of them, how many
# depends on timing ([..] leaves it open); only the total is certain.
server> sendall conn "x"*100000
client> recv c 1000000
b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... ([..] bytes)
server> close conn
client> makefile c rest rb
client> read rest
b'[..]
%python skip sockets is the shell's own table of sockets: Python has no such call
client> sockets
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT  RECEIVED +KSTATE +RECV-Q +SEND-Q (re)
c     tcp4  connected  127.0.0.1:[[client_port]]  127.0.0.1:[[port]]
      blocking  0B/0  100037B/\d+ +CLOSE_WAIT +0 +0 (re)
FILE  SOCKET  MODE  STATE  BUFFERED
rest  c       rb    open   0B
client> close rest c
server> close s
