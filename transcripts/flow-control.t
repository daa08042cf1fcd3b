# Flow control (tutorial section 4): a nonblocking sender writes faster than the receiver
# reads. The bytes fill the receiver's RECV-Q, then the sender's own SEND-Q, until send has no
# room left and raises BlockingIOError. One recv on the other side frees room, and the sender
# can send again. Small, fixed buffers (SO_RCVBUF, SO_SNDBUF; the kernel doubles what it is
# given and then no longer grows them) keep the numbers small; how many bytes each send takes
# depends on when the kernel's acknowledgements come, so the counts are matched by patterns.
%party receiver
%party sender

receiver> socket s
receiver> setsockopt s SOL_SOCKET SO_RCVBUF 4096
receiver> bind s 127.0.0.1 0
receiver> listen s 1
receiver> getsockname s
('127.0.0.1', [[port:\d+]])
sender> socket c
sender> setsockopt c SOL_SOCKET SO_SNDBUF 4096
sender> connect c 127.0.0.1 [[port]]
receiver> accept s conn
('127.0.0.1', [[c_port:\d+]])

# The receiver reads nothing. Each send takes what fits; the receiver's sockets (which waits
# for the kernel to settle) shows where the bytes are.
sender> setblocking c 0
sender> send c b"x"*1000000
[1-9]\d* (re)
%python skip sockets is the shell's own table of sockets: Python has no such call
receiver> sockets
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT  RECEIVED  KSTATE       RECV-Q  SEND-Q
s     tcp4  listening  127.0.0.1:[[port]]  -
      blocking  0B/0  0B/0      LISTEN       0       1
conn  tcp4  connected  127.0.0.1:[[port]]  127.0.0.1:[[c_port]]
      blocking  0B/0  0B/0      ESTABLISHED  [1-9]\d* +0 (re)
# The receiver's RECV-Q is full (the kernel keeps about half of a buffer for its own
# bookkeeping), and what did not fit waits in the sender's SEND-Q. There is still room there,
# so the next send takes some more.
%python skip how much fits depends on when the ACKs came: the shell's sockets waited for them, Python does not
sender> send c b"x"*1000000
[1-9]\d* (re)
%python skip sockets is the shell's own table of sockets: Python has no such call
sender> sockets
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE         SENT[..]RECEIVED  KSTATE       RECV-Q  SEND-Q
c     tcp4  connected  127.0.0.1:[[c_port]]  127.0.0.1:[[port]]
      nonblocking +\d+B/2 +0B/0 +ESTABLISHED +0 +[1-9]\d* (re)

# Now both queues are full: the receiver's window is closed, so no ACK will free anything,
# and a nonblocking send has nowhere to put a byte.
%python skip Python does not wait for the ACKs, so its send may still find the room they free
sender> send c b"x"*1000000
BlockingIOError: [Errno 11] Resource temporarily unavailable

# One recv takes what waits in the receiver's RECV-Q. Its window opens, the sender's queued
# bytes move over and are acknowledged, and select says the sender can write again.
receiver> recv conn 1000000
b'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... ([..] bytes)
sender> select -w c -t 5
([], [c], [])
sender> send c b"x"*1000000
[1-9]\d* (re)
sender> close c
receiver> close conn s
