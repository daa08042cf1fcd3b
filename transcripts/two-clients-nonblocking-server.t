# One nonblocking server, two clients: the tutorial's strsvr.py and strclnt.py, section 6.
# Each client sends one letter at a time; the server appends it to a string v and sends v
# back to that client. The server serves whoever is ready by going round its clients and
# trying a nonblocking recv(1) on each: a client with nothing to say raises BlockingIOError,
# and the server moves on. An empty letter means the client drops out.
#
# The transcript plays the server by hand, so it keeps v itself (see the send lines). Where
# strsvr.py would spin until a letter arrives, the transcript waits for it with select, so
# the output never depends on how fast bytes travel (select-poll.t shows the cure in full).
%party server
%party client1
%party client2

# strsvr.py: listen, then accept exactly two clients, making each one nonblocking.
server> socket lstn
server> bind lstn "" 0
server> listen lstn 5
server> getsockname lstn
('0.0.0.0', [[port:\d+]])
client1> socket s
client1> connect s localhost [[port]]
client2> socket s
client2> connect s localhost [[port]]
# Connections are accepted in the order they were made; the ports tell the clients apart.
server> accept lstn clnt1
('127.0.0.1', [[port1:\d+]])
server> setblocking clnt1 0
server> accept lstn clnt2
('127.0.0.1', [[port2:\d+]])
server> setblocking clnt2 0
client1> getsockname s
('127.0.0.1', [[port1]])
client2> getsockname s
('127.0.0.1', [[port2]])

# Round one: nobody has typed a letter. Both tries raise, and strsvr.py's except: pass
# swallows them.
server> recv clnt1 1
BlockingIOError: [Errno 11] Resource temporarily unavailable
server> recv clnt2 1
BlockingIOError: [Errno 11] Resource temporarily unavailable

# strclnt.py number 1: "enter a letter:" a, send it, wait for v.
client1> send s "a"
1
client1> recv s 1024 &
[1] pending: recv s 1024
server> select -r clnt1,clnt2 -t 5
([clnt1], [], [])
server> recv clnt1 1
b'a'
server> recv clnt2 1
BlockingIOError: [Errno 11] Resource temporarily unavailable
server> send clnt1 "a"
1
client1> wait
[1] done: recv s 1024
b'a'

# strclnt.py number 2 types b; v is now "ab".
client2> send s "b"
1
client2> recv s 1024 &
[1] pending: recv s 1024
server> select -r clnt1,clnt2 -t 5
([clnt2], [], [])
server> recv clnt2 1
b'b'
server> send clnt2 "ab"
2
client2> wait
[1] done: recv s 1024
b'ab'

# Both type at once: c from client 1, d from client 2. The server takes them in its round
# order, clnt1 then clnt2, whichever arrived first.
client1> send s "c"
1
client1> recv s 1024 &
[2] pending: recv s 1024
client2> send s "d"
1
client2> recv s 1024 &
[2] pending: recv s 1024
server> select -r clnt1 -t 5
([clnt1], [], [])
server> recv clnt1 1
b'c'
server> send clnt1 "abc"
3
server> select -r clnt2 -t 5
([clnt2], [], [])
server> recv clnt2 1
b'd'
server> send clnt2 "abcd"
4
client1> wait
[2] done: recv s 1024
b'abc'
client2> wait
[2] done: recv s 1024
b'abcd'

# Client 1 enters an empty letter: strclnt.py's send('') sends nothing, and it closes. The
# server's recv then returns b'', and strsvr.py closes that client and drops it.
client1> close s
server> select -r clnt1 -t 5
([clnt1], [], [])
server> recv clnt1 1
b''
server> close clnt1
# Client 2 drops out too; no clients are left, so the server stops:
# "the final value of v is abcd".
client2> close s
server> select -r clnt2 -t 5
([clnt2], [], [])
server> recv clnt2 1
b''
server> close clnt2 lstn
