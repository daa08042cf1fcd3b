# Python 3 version of the tutorial's svr.py: runs w or ps for a client. Like the original it
# would run whatever the client sends; the tests only ever send w or ps.
# Usage: python3 svr.py PORT
import os
import socket
import sys


def main():
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    port = int(sys.argv[1])
    ls.bind(('', port))
    while True:
        ls.listen(1)
        conn, addr = ls.accept()
        print('client is at', addr)
        rc = conn.recv(2).decode()
        rl = os.popen(rc).readlines()
        flo = conn.makefile('w')
        flo.writelines(rl[:-1])
        flo.close()
        conn.close()


if __name__ == '__main__':
    main()
