"""The bench's peer for the program case: a python3 driver that starts bench/line-echo.py with
pipes, as sockshell's program command does, writes one line and reads its reply, N times, and
closes its input. Prints the seconds the round trips took, start-up excluded.

    python3 bench/program-driver.py N
"""
import os
import subprocess
import sys
import time
from pathlib import Path

rounds = int(sys.argv[1])
echo = Path(__file__).resolve().parent / "line-echo.py"
env = dict(os.environ, PYTHONUNBUFFERED="1")
program = subprocess.Popen(["python3", str(echo)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
start = time.perf_counter()
line = b"hello\n"
for i in range(rounds):
    program.stdin.write(line)
    program.stdin.flush()
    reply = program.stdout.readline()
    if reply != line:
        sys.exit(f"round {i}: sent {line!r}, got {reply!r}")
took = time.perf_counter() - start
program.stdin.close()
program.wait()
print(f"{took:.6f}")
