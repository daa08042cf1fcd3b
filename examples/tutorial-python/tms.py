# The tutorial's tms.py (section 2), ported to Python 3: only what Python 3 requires changed
# (raw_input is input; print is a function; sockets carry bytes). The original, in Python 2,
# is in ../../../shared/tutorial/programs/ when this repository sits beside it.
# simple illustration client/server pair; client program sends a string
# to server, which echoes it back to the client (in multiple copies),
# and the latter prints to the screen

# this is the server

import socket
import sys

# create a socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

# associate the socket with a port
host = '' # can leave this blank on the server side
port = int(sys.argv[1])
s.bind((host, port))

# accept "call" from client
s.listen(1)
conn, addr = s.accept()
print('client is at', addr)

# read string from client (assumed here to be so short that one call to
# recv() is enough), and make multiple copies (to show the need for the
# "while" loop on the client side)

data = conn.recv(1000000)
data = 10000 * data

# wait for the go-ahead signal from the keyboard (shows that recv() at
# the client will block until server sends)
z = input()

# now send
conn.send(data)

# close the connection
conn.close()
