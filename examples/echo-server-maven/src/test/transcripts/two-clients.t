# Two clients at once: each is served on a thread of its own, so the second is answered while
# the first is still connected.
%timeout 60

sockshell> program -t 50 srv java -cp target/classes example.EchoServer 0
echo server listening on [[port:\d+]]
sockshell> socket first
sockshell> connect first 127.0.0.1 srv.port
sockshell> socket second
sockshell> connect second 127.0.0.1 srv.port
sockshell> output srv
client 1 connected
client 2 connected
sockshell> sendall second "second here\n"
sockshell> recv second 1024
b'second here\n'
sockshell> sendall first "first here\n"
sockshell> recv first 1024
b'first here\n'

# Closing a connection: the server sees the end of the stream.
sockshell> close second
sockshell> output srv
client 2 left
sockshell> close first
sockshell> output srv
client 1 left
sockshell> close srv
