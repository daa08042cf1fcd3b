# TCP is one stream of bytes, and recv returns what has arrived (tutorial sections 5.1 and 2.2).
# On loopback the 30000 bytes tms.py sends usually arrive in one recv, so a client that reads
# once seems to work. A link is a bad network between the two: here it cuts what the server
# sends into pieces of 1000 to 5000 bytes, drawn from seed 42, and writes each piece only once
# the client has read the previous one. So tmc.py's loop (recv until b'') takes the same
# pieces on every run, and the same seed always gives the same pieces.

# The server, and a link to it. The link listens on 127.0.0.1, on a port the system picks.
sockshell> socket s
sockshell> bind s 127.0.0.1 0
sockshell> listen s 1
sockshell> link net 127.0.0.1 s.port --slice 1000..5000 --down --seed 42
('127.0.0.1', [[link_port:\d+]])

# The client connects to the link, not to the server; the link connects to the server.
sockshell> socket c
sockshell> connect c 127.0.0.1 net.port
sockshell> accept s conn
('127.0.0.1', [[relay_port:\d+]])

# tmc.py sends "abc", tms.py sends 10000 copies back and closes.
sockshell> send c "abc"
3
sockshell> recv conn 1000000
b'abc'
sockshell> sendall conn "abc"*10000
sockshell> close conn

# tmc.py's loop: recv until b''. Each recv returns one piece, whatever size it asks for.
sockshell> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (4973 bytes)
sockshell> recv c 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (1657 bytes)
sockshell> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (1267 bytes)
sockshell> recv c 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (3232 bytes)
sockshell> recv c 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (3864 bytes)
sockshell> recv c 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (3413 bytes)
sockshell> recv c 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (4164 bytes)
sockshell> recv c 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (2009 bytes)
sockshell> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (3099 bytes)
sockshell> recv c 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (2322 bytes)
sockshell> recv c 1000000
b''

# Ten pieces, 30000 bytes in all: the link's counts (bytes/pieces each way) and the client's
# (bytes/recv calls) agree.
sockshell> sockets --no-kernel
NAME  TYPE  STATE      LOCAL[..]PEER
      MODE      SENT      RECEIVED
s     tcp4  listening  127.0.0.1:[..]
      blocking  0B/0      0B/0
c     tcp4  connected  127.0.0.1:[[client_port:\d+]][..]127.0.0.1:[[link_port]]
      blocking  3B/1      30000B/11
conn  tcp4  closed     -[..]
      blocking  30000B/1  3B/1
LINK  ADDRESS[..]TARGET[..]STATE      UP    DOWN
      OPTIONS
net   127.0.0.1:[[link_port]][..]127.0.0.1:[..]listening
      --slice 1000..5000 --down --seed 42
      127.0.0.1:[[client_port]][..]relaying   3B/1  30000B/10
\
sockshell> close c

# Another seed, other pieces: as stable as the first.
sockshell> link net7 127.0.0.1 s.port --slice 1000..5000 --down --seed 7
('127.0.0.1', [[link7_port:\d+]])
sockshell> socket c7
sockshell> connect c7 127.0.0.1 net7.port
sockshell> accept s conn7
('127.0.0.1', [[relay7_port:\d+]])
sockshell> sendall conn7 "abc"*10000
sockshell> close conn7
sockshell> recv c7 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (2055 bytes)
sockshell> recv c7 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (3482 bytes)
sockshell> recv c7 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (1520 bytes)
sockshell> recv c7 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (2777 bytes)
sockshell> recv c7 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (4553 bytes)
sockshell> recv c7 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (2020 bytes)
sockshell> recv c7 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (2989 bytes)
sockshell> recv c7 1000000
b'bcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabca'... (3742 bytes)
sockshell> recv c7 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (3217 bytes)
sockshell> recv c7 1000000
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (3257 bytes)
sockshell> recv c7 1000000
b'cabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcab'... (388 bytes)
sockshell> recv c7 1000000
b''
sockshell> close c7 net net7 s
