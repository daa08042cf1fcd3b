# Python 3 version of the tutorial's strclnt.py: sends one letter per line typed.
# Usage: python3 strclnt.py HOST PORT
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
host = sys.argv[1]
port = int(sys.argv[2])
s.connect((host, port))
while True:
    k = input('enter a letter:')
    s.send(k.encode())
    if k == '':
        break
    v = s.recv(1024)
    print(v.decode())
s.close()
