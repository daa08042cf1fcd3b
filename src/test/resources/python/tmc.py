# Python 3 port of the tutorial's tmc.py (echo client): connect, send a string,
# read until the server closes, and report how many bytes came back.
# usage: python3 tmc.py HOST PORT STRING

import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(20)  # a bound for the test; the tutorial blocks for ever
s.connect((sys.argv[1], int(sys.argv[2])))
s.send(sys.argv[3].encode())

total = 0
while True:
    data = s.recv(1000000)
    if not data:
        break
    total += len(data)
    print('received', len(data), 'bytes', flush=True)

print('total', total, flush=True)
s.close()
