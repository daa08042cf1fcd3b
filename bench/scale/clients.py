"""The scale benchmark's load: CLIENTS connections to 127.0.0.1:PORT, all held open at once,
each sending MESSAGES messages of 32 bytes one at a time and waiting for each echo. Prints
the counts it verified; exits 1 if any echo was missing or wrong.
Arguments: PORT CLIENTS MESSAGES."""
import selectors
import socket
import sys

port, clients, messages = map(int, sys.argv[1:4])
# New connects wait while this many are neither accepted nor answered, so the server's listen
# backlog never overflows (an overflow drops the SYN and costs a second-long retransmit).
IN_FLIGHT = 256


def message(client, number):
    return b"%010d:%010d:_________\n" % (client, number)


sel = selectors.DefaultSelector()
socks = []
state = {}  # sock -> [client, messages echoed, bytes of the current echo received so far]
started = done = 0
echoed = 0
pending = 0
while done < clients:
    while started < clients and pending < IN_FLIGHT:
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        state[s] = [started, 0, b""]
        socks.append(s)
        sel.register(s, selectors.EVENT_WRITE)
        started += 1
        pending += 1
    for key, events in sel.select():
        s = key.fileobj
        client, count, got = state[s]
        if events & selectors.EVENT_WRITE:
            err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err:
                sys.exit(f"clients: connect failed: errno {err}")
            s.send(message(client, 0))
            sel.modify(s, selectors.EVENT_READ)
            continue
        data = s.recv(4096)
        if not data:
            sys.exit(f"clients: client {client} lost its connection after {count} echoes")
        got += data
        want = message(client, count)
        if len(got) < len(want):
            state[s][2] = got
            continue
        if got != want:
            sys.exit(f"clients: client {client} got {got!r}, expected {want!r}")
        echoed += 1
        count += 1
        if count == 1:
            pending -= 1
        state[s] = [client, count, b""]
        if count < messages:
            s.send(message(client, count))
        else:
            sel.unregister(s)
            done += 1
peak = len(socks)
for s in socks:
    s.close()
print("clients", clients, "held open", peak, "messages echoed", echoed, "bytes", echoed * 32)
