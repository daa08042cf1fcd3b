#!/usr/bin/env python3
"""The link case: SIZE bytes from a python3 client to a python3 server, direct on loopback,
through a sockshell link with no impairment, and through socat, in one run; then a link with
--slice 1..7 delivering PIECES_BYTES to a sockshell reader (recv --until-eof), in pieces a second;
then the same link between a python3 server and a python3 reader outside the shell (where the
link learns that a piece was taken from the kernel's tables), OUTSIDE_BYTES of it.

    bench/link.py [--size BYTES] [--pieces-bytes BYTES] [--outside-bytes BYTES] [--runs N]
    bench/link.py --only-outside [--outside-bytes BYTES] [--runs N]

Prints one line per measure: `direct N MiB/s`, `link N MiB/s`, `socat N MiB/s`,
`pieces N pieces/s`, `outside N pieces/s`, each the median of RUNS, with every run's figure after it.
"""
import argparse
import socket
import statistics
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 1 << 20


def sink():
    """A server that reads every connection to its end; returns (port, results list)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    done = []

    def serve():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            buffer = bytearray(1 << 20)
            view = memoryview(buffer)
            total = 0
            while True:
                n = conn.recv_into(view)
                if n == 0:
                    break
                total += n
            conn.close()
            done.append((total, time.perf_counter()))

    threading.Thread(target=serve, daemon=True).start()
    return server, done


def push(port, size, done):
    """Sends size bytes to port and waits until the sink has read them; returns the seconds taken."""
    data = memoryview(b"x" * CHUNK)
    count = len(done)
    start = time.perf_counter()
    client = socket.create_connection(("127.0.0.1", port))
    left = size
    while left > 0:
        client.sendall(data[:min(CHUNK, left)])
        left -= CHUNK
    client.shutdown(socket.SHUT_WR)
    while len(done) == count:
        client.recv(1)  # b'' once the far end has closed: the sink has read everything
    client.close()
    total, end = done[-1]
    if total != size:
        raise RuntimeError(f"the sink read {total} bytes, not {size}")
    return end - start


class Shell:
    """sockshell reading commands from a pipe; each command's output line is read back."""

    def __init__(self):
        self.process = subprocess.Popen([str(ROOT / "sockshell")], cwd=ROOT, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def ask(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def tell(self, line):
        """A command that prints nothing."""
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def close(self):
        self.process.stdin.write("exit\n")
        self.process.stdin.flush()
        self.process.wait(timeout=30)


def listening(port):
    """Whether the kernel lists a TCP socket listening on 127.0.0.1:port (state 0A)."""
    key = f"0100007F:{port:04X} 00000000:0000 0A"
    return key in Path("/proc/net/tcp").read_text()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1 << 30)
    parser.add_argument("--pieces-bytes", type=int, default=400_000)
    parser.add_argument("--outside-bytes", type=int, default=40_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only-outside", action="store_true", help="measure only the outside reader")
    args = parser.parse_args()
    if args.only_outside:
        print(f"outside {outside(args.outside_bytes, args.runs)}", flush=True)
        return
    server, done = sink()
    target = server.getsockname()[1]
    shell = Shell()
    link_port = int(shell.ask(f"link plain 127.0.0.1 {target}").split(", ")[1].rstrip(")"))
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    socat_port = free.getsockname()[1]
    free.close()
    socat = subprocess.Popen(["socat", f"TCP4-LISTEN:{socat_port},bind=127.0.0.1,reuseaddr,fork",
                              f"TCP4:127.0.0.1:{target}"])
    deadline = time.monotonic() + 10
    while not listening(socat_port):
        if time.monotonic() > deadline:
            raise RuntimeError("socat did not listen within 10 s")
        time.sleep(0.01)
    try:
        ways = {"direct": target, "link": link_port, "socat": socat_port}
        rates = {name: [] for name in ways}
        for port in ways.values():  # warm-up
            push(port, min(args.size, 64 * CHUNK), done)
        for _ in range(args.runs):
            for name, port in ways.items():
                rates[name].append(args.size / CHUNK / push(port, args.size, done))
        for name, found in rates.items():
            print(f"{name} {statistics.median(found):.0f} MiB/s", " ".join(f"{rate:.0f}" for rate in found), flush=True)
    finally:
        socat.terminate()
        socat.wait()
        shell.close()
        server.close()
    print(f"pieces {pieces(args.pieces_bytes, args.runs)}", flush=True)
    print(f"outside {outside(args.outside_bytes, args.runs)}", flush=True)


def pieces(size, runs):
    """Pieces a second delivered by --slice 1..7 to a sockshell reader, as median and runs."""
    found = []
    for run in range(runs + 1):
        script = "\n".join([
            "socket s", "bind s 127.0.0.1 0", "listen s 1", f"link l 127.0.0.1 s.port --slice 1..7 --seed {run + 1}",
            "socket c", "connect c 127.0.0.1 l.port", "accept s conn", f'sendall conn "x"*{size}', "close conn",
            "recv --until-eof c 65536", "recv --until-eof c 65536", "exit", ""])
        # The second, empty recv --until-eof is the baseline: the same script without the pieces.
        start = time.perf_counter()
        process = subprocess.run([str(ROOT / "sockshell")], cwd=ROOT, input=script, capture_output=True, text=True,
                                 timeout=600)
        took = time.perf_counter() - start
        calls = [int(line.split()[3]) for line in process.stdout.splitlines() if line.endswith(" calls")]
        if not calls or not process.stdout.count(f"{size} bytes in"):
            raise RuntimeError(f"the sockshell reader did not get {size} bytes:\n{process.stdout[-500:]}")
        empty = subprocess.run([str(ROOT / "sockshell")], cwd=ROOT, capture_output=True, text=True, timeout=60,
                               input=script.replace(f'sendall conn "x"*{size}', "").replace("--slice 1..7", ""))
        baseline = time.perf_counter() - start - took
        if run > 0:  # the first is a warm-up
            found.append((calls[0] - 1) / max(took - baseline, 1e-3))
        del empty
    return f"{statistics.median(found):.0f} pieces/s " + " ".join(f"{rate:.0f}" for rate in found)


def outside(size, runs):
    """Pieces a second delivered by --slice 1..7 from a python3 server to a python3 reader, as median and runs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    shell = Shell()
    found = []
    try:
        for run in range(runs + 1):
            answer = shell.ask(f"link out{run} 127.0.0.1 {server.getsockname()[1]} --slice 1..7 --seed {run + 1}")
            reader = socket.create_connection(("127.0.0.1", int(answer.split(", ")[1].rstrip(")"))))
            conn, _ = server.accept()
            start = time.perf_counter()
            conn.sendall(b"x" * size)
            conn.close()
            total = calls = 0
            while True:
                data = reader.recv(65536)
                if not data:
                    break
                total += len(data)
                calls += 1
            took = time.perf_counter() - start
            reader.close()
            if total != size:
                raise RuntimeError(f"the reader got {total} bytes, not {size}")
            shell.tell(f"close out{run}")
            if run > 0:  # the first is a warm-up
                found.append(calls / took)
    finally:
        shell.close()
        server.close()
    return f"{statistics.median(found):.0f} pieces/s " + " ".join(f"{rate:.0f}" for rate in found)


if __name__ == "__main__":
    main()
