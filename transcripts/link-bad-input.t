# Bad input to link: each is a one-line error and nothing else changes. A link relays on this
# machine only: the project never sends traffic anywhere else.
sockshell> link l 10.0.0.1 80
link: a link relays on this machine only (localhost, 127.0.0.0/8 or ::1), not to 10.0.0.1
sockshell> link l example.com 80
link: a link relays on this machine only (localhost, 127.0.0.0/8 or ::1), not to example.com
sockshell> link l 127.0.0.1 80 --slice 0
link: --slice 0: a piece is N or MIN..MAX bytes, each 1..65536
sockshell> link l 127.0.0.1 80 --slice 9..3
link: --slice 9..3: MIN must not be more than MAX
sockshell> link l 127.0.0.1 80 --slice 1..100000
link: --slice 1..100000: a piece is N or MIN..MAX bytes, each 1..65536
sockshell> link l 127.0.0.1 80 --rate -1
link: --rate -1: takes a number of bytes, 1 or more (k and M for thousands and millions)
sockshell> link l 127.0.0.1 80 --limit lots
link: --limit lots: takes a number of bytes, 0 or more (k and M for thousands and millions)
sockshell> link l 127.0.0.1 80 --delay -5
link: --delay and --jitter take 0 or more milliseconds
sockshell> link l 127.0.0.1 80 --seed x
link: invalid value for option '--seed': 'x' is not a long (usage: link [--down] [--up] [--delay=MS] [--jitter=MS] [--limit=BYTES] [--rate=BYTES/s] [--reset-after=BYTES] [--seed=N] [--slice=N|MIN..MAX] NAME HOST PORT)
sockshell> link l 127.0.0.1 nowhere.port
NameError: name 'nowhere' is not defined
sockshell> link l 127.0.0.1 99999
link: port must be 1-65535, not 99999
sockshell> sockets --no-kernel
no sockets (create one with: socket s)

# A target nobody listens on: the link closes the client's connection (recv returns b''),
# and says why. (A port just closed is free: nothing listens there.)
sockshell> socket gone
sockshell> bind gone 127.0.0.1 0
sockshell> link l 127.0.0.1 gone.port
('127.0.0.1', [[link_port:\d+]])
sockshell> close gone
sockshell> socket c
sockshell> connect c 127.0.0.1 l.port
sockshell> recv c 1024
b''
sockshell> sockets --no-kernel
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT  RECEIVED
gone  tcp4  closed     -[..]-
      blocking  0B/0  0B/0
c     tcp4  connected  127.0.0.1:[[client_port:\d+]]  127.0.0.1:[[link_port]]
      blocking  0B/0  0B/1
LINK  ADDRESS[..]TARGET[..]STATE                             UP
      DOWN  OPTIONS
l     127.0.0.1:[[link_port]]  127.0.0.1:[..]listening
            -
      127.0.0.1:[[client_port]][..]refused (ConnectionRefusedError)  0B/0
      0B/0

# A link's name is taken like a socket's, and it is not a socket.
sockshell> link l 127.0.0.1 80
NameError: name 'l' is already an open link; close it first or pick another name
sockshell> socket l
NameError: name 'l' is already an open link; close it first or pick another name
sockshell> send l "x"
TypeError: 'l' is a link, not a socket
sockshell> close c

# A link still open at the end of a transcript is reported, like a socket.
%leftovers
sockshell: link l still listening
