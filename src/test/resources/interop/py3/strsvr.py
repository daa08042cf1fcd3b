# Python 3 version of the tutorial's strsvr.py: the nonblocking server for two clients.
# Usage: python3 strsvr.py PORT
import socket
import sys

lstn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
port = int(sys.argv[1])
lstn.bind(('', port))
lstn.listen(5)
v = b''
cs = []
nc = 2
for i in range(nc):
    (clnt, ap) = lstn.accept()
    clnt.setblocking(0)
    cs.append(clnt)
while len(cs) > 0:
    clnt = cs.pop(0)
    cs.append(clnt)
    try:
        k = clnt.recv(1)
        if k == b'':
            clnt.close()
            cs.remove(clnt)
        v += k
        clnt.send(v)
    except OSError:
        pass
lstn.close()
print('the final value of v is', v.decode())
