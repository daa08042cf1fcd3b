# Python 3 port of the tutorial's tms.py (echo server): take one client, read its
# string, wait for a go-ahead line on standard input, send back 10000 copies, close.
# usage: python3 tms.py PORT   (0 lets the OS choose; the port is printed first)

import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(20)  # a bound for the test; the tutorial blocks for ever
s.bind(('127.0.0.1', int(sys.argv[1])))
s.listen(1)
print('port', s.getsockname()[1], flush=True)

conn, addr = s.accept()
conn.settimeout(20)
print('client is at', addr, flush=True)

data = conn.recv(1000000)
data = 10000 * data
print('waiting for go-ahead', flush=True)

sys.stdin.readline()

conn.sendall(data)  # the tutorial's send may send less; sendall keeps the count exact
print('sent', len(data), flush=True)
conn.close()
s.close()
