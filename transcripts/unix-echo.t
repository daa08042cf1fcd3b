# AF_UNIX stream sockets: the echo pair again, between two sockets on this machine named by a
# path instead of a host and port. The calls are the same; the address is one string, and it
# is a file: bind makes it, close leaves it, and only unlink removes it.
%party server
%party client

# Runs of this transcript may overlap (check -j, two checkouts on one machine), so the path
# must differ between them: a port this run holds open is a name no other run has now.
server> socket t
server> bind t 127.0.0.1 0
server> getsockname t
('127.0.0.1', [[run:\d+]])

# A fresh AF_UNIX socket has no name: getsockname is the empty string.
server> socket s AF_UNIX
server> getsockname s
''
server> bind s /tmp/sockshell-unix-echo-[[run]].sock
server> getsockname s
'/tmp/sockshell-unix-echo-[[run]].sock'

# Bound but not listening: a connect is refused, as it is for TCP.
client> socket c AF_UNIX
client> connect c /tmp/sockshell-unix-echo-[[run]].sock
ConnectionRefusedError: [Errno 111] Connection refused

server> listen s 1
client> connect c /tmp/sockshell-unix-echo-[[run]].sock
# The client never bound, so it has no name, and accept returns '' for it, not a host and port.
server> accept s conn
''
client> getsockname c
''
client> getpeername c
'/tmp/sockshell-unix-echo-[[run]].sock'
server> getsockname conn
'/tmp/sockshell-unix-echo-[[run]].sock'
server> getpeername conn
''

# A byte stream as TCP's: makefile and readline work as they do there.
client> sendall c "hello over a path\n"
server> makefile conn f rb
server> readline f
b'hello over a path\n'
server> sendall conn "echo: hello over a path\n"
client> recv c 100
b'echo: hello over a path\n'
client> shutdown c wr
server> recv conn 100
b''
server> close f conn
client> close c

# close does not remove the socket file. A server started again on the same path fails at
# bind, and a client finds the file with nobody listening: refused, not "no such file".
server> close s
server> socket s AF_UNIX
server> bind s /tmp/sockshell-unix-echo-[[run]].sock
OSError: [Errno 98] Address already in use
client> socket c AF_UNIX
client> connect c /tmp/sockshell-unix-echo-[[run]].sock
ConnectionRefusedError: [Errno 111] Connection refused

# The usual cure: remove the stale file before bind (os.unlink in Python).
server> unlink /tmp/sockshell-unix-echo-[[run]].sock
server> bind s /tmp/sockshell-unix-echo-[[run]].sock
server> close s
server> unlink /tmp/sockshell-unix-echo-[[run]].sock
client> connect c /tmp/sockshell-unix-echo-[[run]].sock
FileNotFoundError: [Errno 2] No such file or directory
server> unlink /tmp/sockshell-unix-echo-[[run]].sock
FileNotFoundError: [Errno 2] No such file or directory: '/tmp/sockshell-unix-echo-[[run]].sock'

# A path in a folder that does not exist, and a path longer than sockaddr_un holds (108 bytes
# with the NUL that ends it): CPython refuses that one itself, before any system call.
client> bind c /tmp/sockshell-no-such-folder-[[run]]/x.sock
FileNotFoundError: [Errno 2] No such file or directory
client> bind c /tmp/sockshell-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
OSError: AF_UNIX path too long
%python skip the shell refuses HOST PORT for an AF_UNIX socket before any call (Python raises TypeError for the tuple)
client> bind c localhost 0
bind: an AF_UNIX address is one PATH, not HOST PORT (usage: bind SOCKET HOST|PATH [PORT])

# To the kernel a path is bytes, and they need not be UTF-8. CPython gives such a name back as
# os.fsdecode makes it: the byte 0xff is '\udcff' in the str, and writing it so (or as the bytes
# b'...\xff.sock') names the same file. nio refuses the path in one line (README says so): the
# %backend nio blocks say what it prints instead.
server> socket n AF_UNIX
server> bind n "/tmp/sockshell-unix-echo-[[run]]-\udcff.sock"
%backend nio
OSError: AF_UNIX paths that are not UTF-8 need the posix backend (Java's channels read socket names back as text)
server> getsockname n
'/tmp/sockshell-unix-echo-[[run]]-\udcff.sock'
%backend nio
''
server> close n
server> unlink "/tmp/sockshell-unix-echo-[[run]]-\udcff.sock"
%backend nio
FileNotFoundError: [Errno 2] No such file or directory: '/tmp/sockshell-unix-echo-[[run]]-\udcff.sock'

# Any other lone surrogate stands for no byte: CPython refuses the str before any call, and
# says where, by code point (two surrogates side by side are two of them, and a range).
client> bind c "/tmp/\ud800\udc00"
UnicodeEncodeError: 'utf-8' codec can't encode characters in position 5-6: surrogates not allowed

# An abstract name (Linux only) starts with a NUL byte and makes no file; Python gives it back
# as bytes. Java's channels take only paths, so the nio backend refuses it (README says so).
server> socket a AF_UNIX
server> bind a "\0sockshell-unix-echo-[[run]]"
%backend nio
OSError: abstract AF_UNIX names need the posix backend (Java's channels take only paths)
server> getsockname a
b'\x00sockshell-unix-echo-[[run]]'
%backend nio
''
server> listen a 1
%backend nio
OSError: [Errno 22] Invalid argument
client> connect c "\x00sockshell-unix-echo-[[run]]"
%backend nio
OSError: abstract AF_UNIX names need the posix backend (Java's channels take only paths)
client> getpeername c
b'\x00sockshell-unix-echo-[[run]]'
%backend nio
OSError: [Errno 107] Transport endpoint is not connected
client> close c
server> close a t
