# A connection that ends halfway: the link closes the server-to-client direction after 15000
# bytes (--limit). The client's reader sees b'' in the middle of the message, as it would if
# the network or the server gave up, and cannot tell the difference: a length or an end
# marker in the protocol is what tells a whole message from a cut one (tutorial section 2.2).
%party server
%party client

server> socket s
server> bind s 127.0.0.1 0
server> listen s 1
server> link cut 127.0.0.1 s.port --limit 15000 --down
('127.0.0.1', [[link_port:\d+]])
client> socket c
client> connect c 127.0.0.1 [[link_port]]
server> accept s conn
('127.0.0.1', [[relay_port:\d+]])

# The server sends 30000 bytes; the client reads to the end of the stream and gets half.
server> sendall conn "abc"*10000
client> makefile c rest rb
client> read rest
b'abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc'... (15000 bytes)
client> recv c 1000
b''

# Only that direction is closed: the client can still send, and the server still reads.
client> send c "did you get it all?"
19
server> recv conn 1024
b'did you get it all?'
client> close rest c
server> recv conn 1024
b''
server> close conn s cut
