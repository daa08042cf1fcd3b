"""The bulk case's python3 peer: SIZE bytes (a multiple of 1 MiB) client to server over loopback
in one process, the server in a thread calling recv(65536) until b'', the client a loop of
sendall of 1 MiB, as bench/run's sockshell script does with 'recv --until-eof conn 65536 &' and
'sendall --repeat N c "x"*1048576'. Usage: python3 bench/bulk.py SIZE"""
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
chunk = b"x" * (1 << 20)
for _ in range(size >> 20):
    c.sendall(chunk)
c.close()
receiver.join()
conn.close()
s.close()
