# Echo pair: the tutorial's tms.py (server) and tmc.py (client), sections 2 to 2.2.
# The client sends a short string; the server sends it back 10000 times over and closes;
# the client reads until recv returns b''. Run it: sockshell check transcripts/echo-pair.t
%party server
%party client

# tms.py: a socket, bound to a port, listening. Port 0 lets the OS pick a free port, so no
# two runs collide; getsockname shows which one, and [[port:...]] captures it for the client.
server> socket s
server> bind s "" 0
server> listen s 1
server> getsockname s
('0.0.0.0', [[port:\d+]])

# accept blocks until a client calls, so it goes to the background with &: it is pending
# now, and its result is printed at the next wait, after the client has connected.
server> accept s conn &
[1] pending: accept s conn
client> socket c
client> connect c localhost [[port]]
server> wait
[1] done: accept s conn
('127.0.0.1', [[client_port:\d+]])
# The client's own port is an ephemeral port the OS chose at connect (tutorial section 3).
client> getsockname c
('127.0.0.1', [[client_port]])

# tmc.py sends its string; tms.py reads it with one recv (sloppy, as the tutorial admits:
# nothing promises the 3 bytes arrive in one piece, but on one machine they do).
client> send c "abc"
3
server> recv conn 1000000
b'abc'

# tms.py now waits for a key press (raw_input) before it answers. Meanwhile the client's
# recv blocks: it stays pending, and jobs shows it running, until the server sends.
client> recv c 1000000 &
[1] pending: recv c 1000000
client> jobs
[1] running  recv c 1000000

# The key press: the server sends 10000 copies and closes the connection.
server> send conn "abc"*10000
30000
server> close conn
client> wait
[1] done: recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... ([..] bytes)
# How many bytes one recv returns depends on how they arrived (often all 30000 on one
# machine, a few kilobytes at a time over a network), so the line above leaves it open.
# tmc.py calls recv in a loop until b''. How many calls that takes varies for the same
# reason, so here a file object makes the calls: read loops over recv to the end.
client> makefile c rest rb
client> read rest
b'[..]
# However the bytes were split, all 30000 arrived: the RECEIVED column counts them.
# The kernel's columns: the server closed first, so the client's end waits in CLOSE_WAIT
# (the peer is done, this side is not) until the client closes too; nothing is left unread.
%python skip sockets is the shell's own table of sockets: Python has no such call
client> sockets
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT  RECEIVED +KSTATE +RECV-Q +SEND-Q (re)
c     tcp4  connected  127.0.0.1:[[client_port]]  127.0.0.1:[[port]]
      blocking  3B/1  30000B/\d+ +CLOSE_WAIT +0 +0 (re)
FILE  SOCKET  MODE  STATE  BUFFERED
rest  c       rb    open   0B
# Once the server has closed, recv returns b'' (and keeps doing so): the end of the stream.
client> recv c 1000000
b''
client> close rest c
server> close s
