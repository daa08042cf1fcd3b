"""The scale benchmark's server in python3: one selectors loop over the listening socket and
every client, echoing whatever each client sends. Arguments: PORT CLIENTS."""
import selectors
import socket
import sys

port, clients = int(sys.argv[1]), int(sys.argv[2])
lstn = socket.socket()
lstn.bind(("127.0.0.1", port))
lstn.listen(4096)
# Nonblocking, so each time select says it is readable the server takes every waiting client.
lstn.setblocking(False)
print("listening", flush=True)
sel = selectors.DefaultSelector()
sel.register(lstn, selectors.EVENT_READ)
connected = accepted = received = selects = 0
while accepted < clients or connected:
    selects += 1
    for key, _ in sel.select():
        sock = key.fileobj
        if sock is lstn:
            try:
                while accepted < clients:
                    conn, _ = lstn.accept()
                    sel.register(conn, selectors.EVENT_READ)
                    accepted += 1
                    connected += 1
            except BlockingIOError:
                pass  # Every waiting client is in.
            if accepted == clients:
                sel.unregister(lstn)
            continue
        data = sock.recv(4096)
        if not data:
            sel.unregister(sock)
            sock.close()
            connected -= 1
            continue
        received += len(data)
        sock.sendall(data)
lstn.close()
print("clients", accepted, "bytes", received, "selects", selects)
