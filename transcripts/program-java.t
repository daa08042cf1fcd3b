# A single-file Java program as a program: java compiles Echo.java in memory and runs it. A JVM
# has threads of its own that wake up on their own (the periodic task thread, the compilers,
# the garbage collector's), and a start that compiles takes seconds: quiet still means every
# one of its threads waits, seen twice with nothing run in between, so the steps below print
# the same on every run. Run from the project's folder: sockshell check transcripts/program-java.t
%timeout 60

sockshell> program -t 50 e java examples/java-echo/Echo.java
echo server listening
sockshell> ports e
('::ffff:127.0.0.1', [[port:\d+]], 0, 0)
sockshell> socket c
sockshell> connect c 127.0.0.1 e.port
sockshell> output e
client connected
sockshell> send c "hello\n"
6
sockshell> recv c 1024
b'echo: hello\n'
sockshell> output e
echoing hello

# Its keyboard is read by another of its threads.
sockshell> type e hello
type stop to stop, not hello
sockshell> sockets --no-kernel
...
PROGRAM  PID[..]STATE  COMMAND
e        [..]quiet  java examples/java-echo/Echo.java

sockshell> close c
sockshell> output e
client left
sockshell> type e stop
echo server stopped
[exit 0]
