# The echo server as a program: started on port 0, found with ports, and talked to by the
# shell's sockets. The commands run in this project's folder (mvn test runs them there).
# A JVM takes a second or so to start, more on a loaded machine: hence -t and %timeout.
%timeout 60

sockshell> program -t 50 srv java -cp target/classes example.EchoServer 0
echo server listening on [[port:\d+]]
sockshell> ports srv
('::ffff:127.0.0.1', [[port]], 0, 0)

sockshell> socket c
sockshell> connect c 127.0.0.1 srv.port
sockshell> output srv
client 1 connected

# Each line comes back as it went.
sockshell> sendall c "hello\n"
sockshell> recv c 1024
b'hello\n'
sockshell> sendall c "one\ntwo\n"
sockshell> makefile c lines r
sockshell> readline lines
'one\n'
sockshell> readline lines
'two\n'

# bye: the server closes the connection, and says so.
sockshell> sendall c "bye\n"
sockshell> readline lines
''
sockshell> output srv
client 1 said bye
sockshell> close lines c

# The server runs until stopped: SIGTERM ends a JVM (143, shown as the signal).
sockshell> signal srv TERM
[signal TERM]
