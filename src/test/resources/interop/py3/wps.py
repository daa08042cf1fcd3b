# Python 3 version of the tutorial's wps.py: asks svr for w or ps and prints the lines.
# Usage: python3 wps.py HOST PORT {w,ps}
import socket
import sys


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    host = sys.argv[1]
    port = int(sys.argv[2])
    s.connect((host, port))
    s.send(sys.argv[3].encode())
    flo = s.makefile('r')
    sys.stdout.writelines(flo.readlines())


if __name__ == '__main__':
    main()
