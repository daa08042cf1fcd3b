"""The bulk case's python3 peer: SIZE bytes client to server over loopback in one process, the
server in a thread calling recv(65536) until b'', the client one sendall, as bench/run's
sockshell script does with 'recv --until-eof conn 65536 &' and 'sendall c "x"*SIZE'.
Usage: python3 bench/bulk.py SIZE"""
import socket
import sys
import threading

size = int(sys.argv[1])
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
c = socket.socket()
c.connect(("localhost", s.getsockname()[1]))
conn, addr = s.accept()


def drain():
    total = calls = 0
    while True:
        chunk = conn.recv(65536)
        calls += 1
        if not chunk:
            break
        total += len(chunk)
    print(f"{total} bytes in {calls} calls")


receiver = threading.Thread(target=drain)
receiver.start()
c.sendall(b"x" * size)
c.close()
receiver.join()
conn.close()
s.close()
